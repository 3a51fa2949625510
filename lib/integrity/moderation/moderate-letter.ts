// Releases a held letter to the delivery queue (it becomes `confirmed`, which the scheduler picks up) or rejects
// it (never delivered). Only a letter that is still held can change: a second click does nothing. A writer who also
// co-signed keeps that signature unless the organizer asks to strike it out with the letter: then it is struck out
// as the Signals page does (restorable from there, off the count at once). Every decision is in the audit log.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { transaction, type Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { AppError } from "@/lib/infra/errors";
import { randomShard } from "@/lib/campaigns/count-shards";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";

export type ModerationOptions = { strikeCosignature?: boolean };

export async function moderateLetter(
  scope: Scope,
  letterId: string,
  decision: "release" | "reject",
  options: ModerationOptions = {},
) {
  const letter = await scope.letter(letterId);
  requireRole(scope.organizer, "editor");
  const at = now();
  const result = await transaction(async (trx) => {
    const updated = await trx
      .updateTable("letter")
      .set(
        decision === "release" ? { status: "confirmed", held_reason: null } : { status: "rejected", rejected_at: at },
      )
      .where("id", "=", letter.id)
      .where("status", "=", "held")
      .returning(["id", "campaign_id", "email_key", "also_sign", "subject"])
      .executeTakeFirst();
    if (!updated) throw new AppError("conflict");
    const struck =
      decision === "reject" && options.strikeCosignature && updated.also_sign && updated.email_key
        ? await strikeCosignature(trx, scope, updated.campaign_id, updated.email_key, updated.id, at)
        : null;
    await recordAudit(
      trx,
      scope,
      decision === "release" ? "letter.released" : "letter.rejected",
      { id: updated.id, label: updated.subject },
      { campaignId: updated.campaign_id, ...(struck ? { cosignatureStruck: true, invalidationId: struck.id } : {}) },
    );
    return {
      id: updated.id,
      status: decision === "release" ? "confirmed" : "rejected",
      cosignatureStruck: Boolean(struck),
      slug: struck ? struck.slug : null,
    };
  });
  if (result.slug) revalidateCampaign(result.slug);
  return { id: result.id, status: result.status, cosignatureStruck: result.cosignatureStruck };
}

/** The writer's own co-signature struck out like an invalidation (restorable), taken off the count if it counted. */
async function strikeCosignature(
  trx: Transaction,
  scope: Scope,
  campaignId: string,
  emailKey: string,
  letterId: string,
  at: Date,
): Promise<{ id: string; slug: string } | null> {
  const id = randomUUID();
  const { rows } = await sql<{ was: string }>`
WITH target AS (
  SELECT s.id, s.status FROM signature s
   WHERE s.campaign_id = ${campaignId} AND s.email_key = ${emailKey} AND s.status IN ('confirmed', 'pending')
     FOR UPDATE
), changed AS (
  UPDATE signature SET status = 'invalidated', invalidated_at = ${at}, invalidation_id = ${id},
                       invalidated_from = target.status
    FROM target WHERE signature.id = target.id
  RETURNING signature.id, target.status::text AS was
), cancelled AS (
  UPDATE outbox_message SET status = 'cancelled', payload = payload - 'token', updated_at = ${at}
    FROM changed WHERE outbox_message.signature_id = changed.id AND outbox_message.status = 'pending'
)
SELECT was FROM changed`.execute(trx);
  const row = rows[0];
  if (!row) return null;
  const uncounted = row.was === "confirmed" ? 1 : 0;
  if (uncounted > 0) {
    await trx
      .insertInto("campaign_count_shard")
      .values({ campaign_id: campaignId, shard: randomShard(), confirmed: -1 })
      .onConflict((oc) =>
        oc
          .columns(["campaign_id", "shard"])
          .doUpdateSet((eb) => ({ confirmed: eb("campaign_count_shard.confirmed", "-", 1) })),
      )
      .execute();
  }
  await trx
    .insertInto("abuse_action")
    .values({
      id,
      organization_id: scope.organizationId,
      campaign_id: campaignId,
      user_id: scope.organizer.userId,
      kind: "invalidate_signatures",
      criteria: JSON.stringify({ letter: letterId }),
      affected: 1,
      uncounted,
      created_at: at,
    })
    .execute();
  const campaign = await trx
    .selectFrom("campaign")
    .select("slug")
    .where("id", "=", campaignId)
    .executeTakeFirstOrThrow();
  return { id, slug: campaign.slug };
}
