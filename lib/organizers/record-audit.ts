// One line in the organization's audit log for every change an organizer makes to the team or to a person's data:
// who (their id and email, so the line outlives their account), what, on what, and when by the app's clock.
import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/infra/clock";
import type { Transaction } from "@/lib/infra/db";
import type { Scope } from "./scope";

export type AuditAction =
  | "member.invited"
  | "member.role_changed"
  | "member.removed"
  | "invitation.resent"
  | "invitation.revoked"
  | "signer.erased"
  | "update.sent"
  | "timeline.added"
  | "timeline.removed"
  | "deadline.changed";

export async function recordAudit(
  trx: Transaction,
  scope: Scope,
  action: AuditAction,
  target: { id?: string; label: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto("audit_event")
    .values({
      id: randomUUID(),
      organization_id: scope.organizationId,
      actor_id: scope.organizer.userId,
      actor_email: scope.organizer.email,
      action,
      target_id: target.id ?? null,
      target: target.label,
      details: JSON.stringify(details),
      created_at: now(),
    })
    .execute();
}
