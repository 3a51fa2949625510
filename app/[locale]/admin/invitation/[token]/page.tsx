import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { invitationIsOpen } from "@/lib/organizers/team/invitation-is-open";
import { AcceptInvitationForm } from "@/components/organizers/accept-invitation-form";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.invitation" });
  const open = await invitationIsOpen(token);
  return (
    <>
      <h1>{t("title")}</h1>
      {open ? <AcceptInvitationForm token={token} locale={locale} /> : <p role="status">{t("linkInvalid")}</p>}
    </>
  );
}
