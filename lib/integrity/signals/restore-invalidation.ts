// Undoes an invalidation: its signatures get back the status they had, and the count gets back exactly the ones that
// were confirmed. Signatures withdrawn since are gone and stay gone. A second restore is a conflict: the action row
// is claimed first, so two restores racing cannot both count.
import "server-only";
import { withTransaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import { randomShard } from "@/lib/campaigns/count-shards";

export type RestoreResult = { id: string; restored: number; recounted: number };

export async function restoreInvalidation(scope: Scope, actionId: string): Promise<RestoreResult> {
  const action = await scope.abuseAction(actionId);
  requireRole(scope.organizer, "editor");
  if (action.kind !== "invalidate_signatures") throw new AppError("conflict");
  const campaign = await scope.campaign(action.campaignId);
  const result = await withTransaction(async (client) => {
    const claimed = await client.query(
      `UPDATE abuse_action SET restored_at = now(), restored_by_id = $2 WHERE id = $1 AND restored_at IS NULL RETURNING id`,
      [action.id, scope.organizer.userId],
    );
    if (claimed.rowCount !== 1) throw new AppError("conflict");
    // The campaign's invalidated rows are few; the status index finds them, then the action id picks this one's.
    const { rows } = await client.query<{ restored: number; recounted: number }>(
      `WITH back AS (
         UPDATE signature SET status = COALESCE(invalidated_from, 'pending'), invalidated_at = NULL, invalidation_id = NULL, invalidated_from = NULL
          WHERE campaign_id = $1 AND status = 'invalidated' AND invalidation_id = $2
         RETURNING status
       )
       SELECT count(*)::int AS restored, count(*) FILTER (WHERE status = 'confirmed')::int AS recounted FROM back`,
      [action.campaignId, action.id],
    );
    const { restored, recounted } = rows[0]!;
    if (recounted > 0) {
      await client.query(
        `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, $2, $3::int)
         ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + $3::int`,
        [action.campaignId, randomShard(), recounted],
      );
    }
    await client.query(`UPDATE abuse_action SET restored = $2, recounted = $3 WHERE id = $1`, [
      action.id,
      restored,
      recounted,
    ]);
    return { id: action.id, restored, recounted };
  });
  revalidateCampaign(campaign.slug);
  return result;
}
