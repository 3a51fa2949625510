import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { describeInvitation } from "@/lib/organizers/team/describe-invitation";
import { AcceptInvitationForm } from "@/components/organizers/accept-invitation-form";

export default async function InvitationPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.invitation" });
  const tr = await getTranslations({ locale, namespace: "admin.roles" });
  const invitation = await describeInvitation(token);
  return (
    <>
      <h1>{t("title")}</h1>
      {invitation && (
        <div data-testid="invitation-details">
          <p>{t("details", { organization: invitation.organization, role: tr(invitation.role) })}</p>
          {invitation.inviterEmail && (
            <p>{t("invitedBy", { name: invitation.inviterName ?? "", email: invitation.inviterEmail })}</p>
          )}
        </div>
      )}
      <AcceptInvitationForm token={token} locale={locale} />
    </>
  );
}
