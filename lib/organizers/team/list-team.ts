// The team page's data, for owners: members with role and last sign-in, open invitations with who sent them, and
// the latest lines of the organization's audit log.
import "server-only";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { requireRole } from "../current-organizer";
import type { Scope } from "../scope";

export async function listTeam(scope: Scope, auditLines = 50) {
  requireRole(scope.organizer, "owner");
  const [members, invitations, audit] = await Promise.all([
    db
      .selectFrom("member as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select(["m.id", "u.email", "u.name", "m.role", "m.last_sign_in_at as lastSignInAt", "m.created_at as joinedAt"])
      .where("m.organization_id", "=", scope.organizationId)
      .orderBy("u.email")
      .execute(),
    db
      .selectFrom("invitation as i")
      .leftJoin("user as u", "u.id", "i.invited_by_id")
      .select([
        "i.id",
        "i.email",
        "i.role",
        "i.expires_at as expiresAt",
        "i.created_at as sentAt",
        "u.email as invitedBy",
      ])
      .where("i.organization_id", "=", scope.organizationId)
      .where("i.accepted_at", "is", null)
      .orderBy("i.created_at", "desc")
      .execute(),
    db
      .selectFrom("audit_event")
      .select(["id", "actor_email as actor", "action", "target", "details", "created_at as at"])
      .where("organization_id", "=", scope.organizationId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(auditLines)
      .execute(),
  ]);
  const at = now();
  return {
    members: members.map((m) => ({ ...m, self: m.email === scope.organizer.email })),
    invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt <= at })),
    audit,
  };
}
