// Strikes out a set of signatures in one transaction: each becomes `invalidated` (its previous status kept for a
// restore), the count loses exactly the ones that were confirmed, their unsent mail is cancelled, and the action is
// recorded (who, when, what, how many). Rows are locked and their status read in the same statement that changes
// it, so a confirmation or withdrawal racing with it is counted once either way: a confirm that commits first is
// seen as confirmed here and taken off; one that comes after finds the row no longer pending and does nothing.
import "server-only";
import { randomUUID } from "node:crypto";
import { withTransaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import { randomShard } from "@/lib/campaigns/count-shards";
import { criteriaSql } from "./criteria-sql";
import type { InvalidationCriteria } from "./schema";

export type InvalidationResult = { id: string; invalidated: number; uncounted: number; cancelledMail: number };

export async function invalidateSignatures(
  scope: Scope,
  campaignId: string,
  criteria: InvalidationCriteria,
): Promise<InvalidationResult> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const id = randomUUID();
  const where = criteriaSql(criteria, 3);
  const result = await withTransaction(async (client) => {
    const { rows } = await client.query<{ invalidated: number; uncounted: number; cancelled: number }>(
      `WITH target AS (
         SELECT s.id, s.status FROM signature s WHERE s.campaign_id = $1 AND ${where.sql} FOR UPDATE
       ), changed AS (
         UPDATE signature SET status = 'invalidated', invalidated_at = now(), invalidation_id = $2, invalidated_from = target.status
           FROM target WHERE signature.id = target.id
         RETURNING signature.id, target.status AS was
       ), cancelled AS (
         UPDATE outbox_message SET status = 'cancelled', updated_at = now(), enqueued_at = COALESCE(enqueued_at, now())
           FROM changed WHERE outbox_message.signature_id = changed.id AND outbox_message.status = 'pending'
         RETURNING outbox_message.id
       )
       SELECT count(*)::int AS invalidated, count(*) FILTER (WHERE was = 'confirmed')::int AS uncounted,
              (SELECT count(*) FROM cancelled)::int AS cancelled
         FROM changed`,
      [campaign.id, id, ...where.params],
    );
    const { invalidated, uncounted, cancelled } = rows[0]!;
    if (uncounted > 0) {
      await client.query(
        `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, $2, -$3::int)
         ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed - $3::int`,
        [campaign.id, randomShard(), uncounted],
      );
    }
    await client.query(
      `INSERT INTO abuse_action (id, organization_id, campaign_id, user_id, kind, criteria, affected, uncounted)
       VALUES ($1, $2, $3, $4, 'invalidate_signatures', $5, $6, $7)`,
      [id, scope.organizationId, campaign.id, scope.organizer.userId, JSON.stringify(criteria), invalidated, uncounted],
    );
    return { id, invalidated, uncounted, cancelledMail: cancelled };
  });
  // The public page and count are cached for a moment: drop them so the lower count shows at once.
  revalidateCampaign(campaign.slug);
  return result;
}
