import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { describeInvitation } from "@/lib/organizers/team/describe-invitation";
import { invitationIsOpen } from "@/lib/organizers/team/invitation-is-open";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { AcceptInvitationForm } from "@/components/organizers/accept-invitation-form";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("admin.invitation", "title", {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

export default async function InvitationPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.invitation" });
  const tr = await getTranslations({ locale, namespace: "admin.roles" });
  const open = await invitationIsOpen(token);
  const invitation = open ? await describeInvitation(token, locale) : null;
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
      {open ? <AcceptInvitationForm token={token} locale={locale} /> : <p role="status">{t("linkInvalid")}</p>}
    </>
  );
}
