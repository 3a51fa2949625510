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
  | "signer.reason_approved"
  | "signer.reason_rejected"
  | "invitation.accepted"
  | "campaign.opened"
  | "campaign.closed"
  | "campaign.slug_changed"
  | "campaign.duplicated"
  | "letter.released"
  | "letter.rejected"
  | "signature.released"
  | "delivery.retried"
  | "delivery.cancelled"
  | "delivery.test_sent"
  | "update.sent"
  | "timeline.added"
  | "timeline.removed"
  | "deadline.changed";

/** Who acted when there is no session's scope yet (an invitee accepting). */
export type AuditActor = { organizationId: string; userId: string | null; email: string };

export async function recordAudit(
  trx: Transaction,
  by: Scope | AuditActor,
  action: AuditAction,
  target: { id?: string; label: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto("audit_event")
    .values({
      id: randomUUID(),
      organization_id: by.organizationId,
      actor_id: "organizer" in by ? by.organizer.userId : by.userId,
      actor_email: "organizer" in by ? by.organizer.email : by.email,
      action,
      target_id: target.id ?? null,
      target: target.label,
      details: JSON.stringify(details),
      created_at: now(),
    })
    .execute();
}
