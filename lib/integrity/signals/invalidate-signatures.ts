// Strikes out a set of signatures in one transaction: each becomes `invalidated` (its previous status kept for a
// restore), the count loses exactly the ones that were confirmed, their unsent mail is cancelled, and the action is
// recorded (who, when, what, how many). Rows are locked and their status read in the same statement that changes
// it, so a confirmation or withdrawal racing with it is counted once either way: a confirm that commits first is
// seen as confirmed here and taken off; one that comes after finds the row no longer pending and does nothing.
// Nothing personal is erased here: a restore must put the signature back as it was, so the one erasure
// (lib/privacy/erase-person.ts) comes when the restore window ends (lib/privacy/erase-struck-out.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import { randomShard } from "@/lib/campaigns/count-shards";
import { criteriaCondition } from "./criteria-sql";
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
  const at = now();
  const result = await transaction(async (trx) => {
    const { rows } = await sql<{ invalidated: number; uncounted: number; cancelled: number }>`
WITH target AS (
  SELECT s.id, s.status FROM signature s WHERE s.campaign_id = ${campaign.id} AND ${criteriaCondition(criteria)}
     FOR UPDATE
), changed AS (
  UPDATE signature SET status = 'invalidated', invalidated_at = ${at}, invalidation_id = ${id},
                       invalidated_from = target.status
    FROM target WHERE signature.id = target.id
  RETURNING signature.id, target.status AS was
), cancelled AS (
  -- Never sent, so its confirmation token confirms nothing: it goes.
  UPDATE outbox_message SET status = 'cancelled', payload = payload - 'token', updated_at = ${at}
    FROM changed WHERE outbox_message.signature_id = changed.id AND outbox_message.status = 'pending'
  RETURNING outbox_message.id
)
SELECT count(*)::int AS invalidated, count(*) FILTER (WHERE was = 'confirmed')::int AS uncounted,
       (SELECT count(*) FROM cancelled)::int AS cancelled
  FROM changed`.execute(trx);
    const { invalidated, uncounted, cancelled } = rows[0]!;
    if (uncounted > 0) {
      await trx
        .insertInto("campaign_count_shard")
        .values({ campaign_id: campaign.id, shard: randomShard(), confirmed: -uncounted })
        .onConflict((oc) =>
          oc
            .columns(["campaign_id", "shard"])
            .doUpdateSet((eb) => ({ confirmed: eb("campaign_count_shard.confirmed", "-", uncounted) })),
        )
        .execute();
    }
    await trx
      .insertInto("abuse_action")
      .values({
        id,
        organization_id: scope.organizationId,
        campaign_id: campaign.id,
        user_id: scope.organizer.userId,
        kind: "invalidate_signatures",
        criteria: JSON.stringify(criteria),
        affected: invalidated,
        uncounted,
        created_at: at,
      })
      .execute();
    return { id, invalidated, uncounted, cancelledMail: cancelled };
  });
  // The public page and count are cached for a moment: drop them so the lower count shows at once.
  revalidateCampaign(campaign.slug);
  return result;
}
