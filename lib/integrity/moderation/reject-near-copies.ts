// Rejects a group of near-identical letters (one body fingerprint) at once: every one not yet handed to delivery
// (held or confirmed) becomes `rejected`, and the action is recorded. The delivery scheduler claims confirmed letters
// under row locks, so a letter it took first is queued and left alone here; one rejected first is never claimed.
import "server-only";
import { randomUUID } from "node:crypto";
import { withTransaction } from "@/lib/infra/db";
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
  return withTransaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE letter SET status = 'rejected', rejected_at = now()
        WHERE campaign_id = $1 AND body_fingerprint = $2 AND status IN ('held', 'confirmed')`,
      [campaign.id, fingerprint],
    );
    const rejected = rowCount ?? 0;
    await client.query(
      `INSERT INTO abuse_action (id, organization_id, campaign_id, user_id, kind, criteria, affected)
       VALUES ($1, $2, $3, $4, 'reject_letters', $5, $6)`,
      [id, scope.organizationId, campaign.id, scope.organizer.userId, JSON.stringify({ fingerprint }), rejected],
    );
    return { id, rejected };
  });
}
