// Undoes an invalidation: its signatures get back the status they had, and the count gets back exactly the ones that
// were confirmed. Signatures withdrawn since are gone and stay gone. A second restore is a conflict: the action row
// is claimed first, so two restores racing cannot both count. So is a restore after RETENTION_INVALIDATED_DAYS: the
// signatures have been erased by then (lib/privacy/erase-struck-out.ts), and an erased one is never put back.
import "server-only";
import { sql } from "kysely";
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import { randomShard } from "@/lib/campaigns/count-shards";
import { restorableUntil } from "@/lib/privacy/erase-struck-out";

export type RestoreResult = { id: string; restored: number; recounted: number };

export async function restoreInvalidation(scope: Scope, actionId: string): Promise<RestoreResult> {
  const action = await scope.abuseAction(actionId);
  requireRole(scope.organizer, "editor");
  if (action.kind !== "invalidate_signatures") throw new AppError("conflict");
  const at = now();
  if (at >= restorableUntil(action.createdAt)) throw new AppError("conflict");
  const campaign = await scope.campaign(action.campaignId);
  const result = await transaction(async (trx) => {
    const claimed = await trx
      .updateTable("abuse_action")
      .set({ restored_at: at, restored_by_id: scope.organizer.userId })
      .where("id", "=", action.id)
      .where("restored_at", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) throw new AppError("conflict");
    // The campaign's invalidated rows are few; the status index finds them, then the action id picks this one's. One
    // erased meanwhile (its campaign's retention, or the window closing while this ran) has nothing to put back.
    const { rows } = await sql<{ restored: number; recounted: number }>`
WITH back AS (
  UPDATE signature SET status = COALESCE(invalidated_from, 'pending'), invalidated_at = NULL, invalidation_id = NULL,
                       invalidated_from = NULL
   WHERE campaign_id = ${action.campaignId} AND status = 'invalidated' AND invalidation_id = ${action.id}
     AND email_key IS NOT NULL
  RETURNING status
)
SELECT count(*)::int AS restored, count(*) FILTER (WHERE status = 'confirmed')::int AS recounted FROM back`.execute(
      trx,
    );
    const { restored, recounted } = rows[0]!;
    if (recounted > 0) {
      await trx
        .insertInto("campaign_count_shard")
        .values({ campaign_id: action.campaignId, shard: randomShard(), confirmed: recounted })
        .onConflict((oc) =>
          oc
            .columns(["campaign_id", "shard"])
            .doUpdateSet((eb) => ({ confirmed: eb("campaign_count_shard.confirmed", "+", recounted) })),
        )
        .execute();
    }
    await trx.updateTable("abuse_action").set({ restored, recounted }).where("id", "=", action.id).execute();
    return { id: action.id, restored, recounted };
  });
  revalidateCampaign(campaign.slug);
  return result;
}
