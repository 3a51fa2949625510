import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { AcceptInvitationForm } from "@/components/organizers/accept-invitation-form";

export const generateMetadata = titleFrom("admin.invitation", "title", {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

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
