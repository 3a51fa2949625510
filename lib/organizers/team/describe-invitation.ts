// What the invitation page tells the invitee before they choose a password: the organization, the role, and who
// invited them, the organization named as readers of the page's language know it. Nothing for a link that is not an
// open invitation.
import "server-only";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";

export async function describeInvitation(token: string, locale: string) {
  if (token.length < 20 || token.length > 100) return null;
  const invitation = await db
    .selectFrom("invitation as i")
    .innerJoin("organization as o", "o.id", "i.organization_id")
    .leftJoin("user as u", "u.id", "i.invited_by_id")
    .select([
      organizationNameIn(locale).as("organization"),
      "i.role",
      "u.name as inviterName",
      "u.email as inviterEmail",
    ])
    .where("i.token_hash", "=", sha256(token))
    .where("i.accepted_at", "is", null)
    .where("i.expires_at", ">", now())
    .executeTakeFirst();
  return invitation ?? null;
}
