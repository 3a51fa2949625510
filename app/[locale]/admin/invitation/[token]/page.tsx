import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { AcceptInvitationForm } from "@/components/organizers/accept-invitation-form";

export default async function InvitationPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.invitation" });
  return (
    <>
      <h1>{t("title")}</h1>
      <AcceptInvitationForm token={token} locale={locale} />
    </>
  );
}
