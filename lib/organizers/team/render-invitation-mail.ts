// The invitation email: who invites, to which organization (named in the reader's language), with which role, and the
// link to accept (valid INVITATION_TTL_HOURS).
// Rendered at send time from the invitation row, so an invitation accepted meanwhile sends nothing.
import { db } from "@/lib/infra/db";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { env } from "@/lib/infra/env";
import { isLocale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { renderBodies } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";

export async function renderInvitationMessage(message: OutboxRow): Promise<MailContent | null> {
  const invitationId = typeof message.payload.invitationId === "string" ? message.payload.invitationId : null;
  const token = typeof message.payload.token === "string" ? message.payload.token : null;
  if (!invitationId || !token) return null;
  const invitation = await db
    .selectFrom("invitation as i")
    .innerJoin("organization as o", "o.id", "i.organization_id")
    .leftJoin("user as u", "u.id", "i.invited_by_id")
    .select([
      "i.accepted_at",
      "i.role",
      "u.name as inviterName",
      "u.email as inviterEmail",
      organizationNameIn(message.locale).as("organization"),
    ])
    .where("i.id", "=", invitationId)
    .executeTakeFirst();
  if (!invitation || invitation.accepted_at) return null;
  const locale = isLocale(message.locale) ? message.locale : "en";
  const t = translator(locale, "admin");
  const link = new URL(`/${locale}/admin/invitation/${token}`, env.APP_URL).toString();
  const { organization } = invitation;
  const bodies = renderBodies(locale, [
    { text: t("invitationMail.body", { organization }) },
    { text: t("invitationMail.role", { role: t(`roles.${invitation.role}`) }) },
    ...(invitation.inviterEmail
      ? [
          {
            text: t("invitationMail.invitedBy", {
              name: invitation.inviterName ?? invitation.inviterEmail,
              email: invitation.inviterEmail,
            }),
          },
        ]
      : []),
    { link, label: t("invitationMail.button") },
    { note: t("invitationMail.note", { hours: env.INVITATION_TTL_HOURS }) },
  ]);
  return { subject: t("invitationMail.subject", { organization }), ...bodies };
}
