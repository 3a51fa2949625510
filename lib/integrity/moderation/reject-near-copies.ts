// Rejects a group of near-identical letters (one body fingerprint) at once: every one not yet handed to delivery
// (held or confirmed) becomes `rejected`, and the action is recorded. The delivery scheduler claims confirmed letters
// under row locks, so a letter it took first is queued and left alone here; one rejected first is never claimed.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";

export async function rejectNearCopies(
  scope: Scope,
  campaignId: string,
  fingerprint: string,
): Promise<{ id: string; rejected: number }> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const id = randomUUID();
  return transaction(async (trx) => {
    const result = await trx
      .updateTable("letter")
      .set({ status: "rejected", rejected_at: sql<Date>`now()` })
      .where("campaign_id", "=", campaign.id)
      .where("body_fingerprint", "=", fingerprint)
      .where("status", "in", ["held", "confirmed"])
      .executeTakeFirst();
    const rejected = Number(result.numUpdatedRows);
    await trx
      .insertInto("abuse_action")
      .values({
        id,
        organization_id: scope.organizationId,
        campaign_id: campaign.id,
        user_id: scope.organizer.userId,
        kind: "reject_letters",
        criteria: JSON.stringify({ fingerprint }),
        affected: rejected,
      })
      .execute();
    return { id, rejected };
  });
}
