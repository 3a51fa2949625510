// The delivery tick: for each campaign, puts what is due into the outbox — confirmed letters one by one (at most
// the throttle per minute, spread over the minute) and, every digest interval, one digest of the new signatures (and
// of the letters when the campaign delivers letters in digests). Each batch is claimed and marked in the same
// transaction that writes its messages, so any number of workers may run the tick at once: a campaign another worker
// is handling is skipped. A letter waits out its campaign's cooling-off hold after confirmation
// (lib/letters/letter-hold.ts), measured from the clock's time passed in, never the database's.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db, transaction, type Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { kindsOf, type MessageKind } from "@/lib/infra/outbox/message-kinds";
import { deliveryTargetOf } from "@/lib/campaigns/delivery-target";
import { digestMessageId, letterMessageId } from "./message-ids";
import { digestPayload } from "./digest-payload";
import { hourMs, letterHoldHours } from "@/lib/letters/letter-hold";

export type TickResult = {
  campaignId: string;
  letters: number;
  digest: { signatures: number; letters: number } | null;
}[];

type CampaignRow = {
  id: string;
  default_locale: string;
  letter_delivery: "individual" | "digest";
  throttle_per_minute: number;
  letter_hold_hours: number | null;
  last_digest_at: Date | null;
  digest_due: boolean;
};

const deliveryKinds = kindsOf("delivery");

/** The latest confirmation time a letter may have to be past its campaign's hold at `at` (null: no hold). */
function confirmedBy(campaign: CampaignRow, at: Date): Date | null {
  const hours = letterHoldHours(campaign.letter_hold_hours);
  return hours === 0 ? null : new Date(at.getTime() - hours * hourMs);
}

export async function scheduleDeliveries(): Promise<TickResult> {
  const at = now();
  // Campaigns with something confirmed and not yet handed over, whose hold (if any) has passed.
  const { rows } = await sql<{ id: string }>`
SELECT c.id FROM campaign c
 WHERE c.status <> 'draft' AND (c.hold_until IS NULL OR c.hold_until <= ${at})
   AND (EXISTS (SELECT 1 FROM letter l WHERE l.campaign_id = c.id AND l.status = 'confirmed' AND l.delivery_message_id IS NULL
                  AND (COALESCE(c.letter_hold_hours, ${env.LETTER_HOLD_HOURS}::int) = 0
                    OR l.confirmed_at <= ${at}::timestamptz - make_interval(hours => COALESCE(c.letter_hold_hours, ${env.LETTER_HOLD_HOURS}::int))))
     OR EXISTS (SELECT 1 FROM signature s WHERE s.campaign_id = c.id AND s.status = 'confirmed' AND s.delivery_message_id IS NULL))`.execute(
    db,
  );
  const results: TickResult = [];
  for (const { id } of rows) {
    const result = await scheduleCampaign(id, at);
    if (result) results.push(result);
  }
  return results;
}

async function scheduleCampaign(campaignId: string, at: Date): Promise<TickResult[number] | null> {
  return transaction(async (trx) => {
    const { rows } = await sql<CampaignRow>`
SELECT id, default_locale, letter_delivery, throttle_per_minute, letter_hold_hours,
       last_digest_at,
       (last_digest_at IS NULL OR last_digest_at + make_interval(mins => digest_interval_minutes) <= ${at}) AS digest_due
  FROM campaign WHERE id = ${campaignId} AND (hold_until IS NULL OR hold_until <= ${at})
   FOR UPDATE SKIP LOCKED`.execute(trx);
    const campaign = rows[0];
    if (!campaign) return null;
    // While the relay refuses earlier deliveries, queue nothing new: the backlog waits in its tables, not in retries.
    const { rows: pressure } = await sql<{ recent: number; retrying: boolean | null }>`
SELECT count(*) FILTER (WHERE created_at > ${at}::timestamptz - interval '1 minute')::int AS recent,
       bool_or(status = 'pending' AND attempts > 0) AS retrying
  FROM outbox_message
 WHERE campaign_id = ${campaignId} AND kind = ANY(${deliveryKinds}::text[])
   AND created_at > ${at}::timestamptz - interval '1 day'`.execute(trx);
    if (pressure[0]?.retrying) return { campaignId, letters: 0, digest: null };
    let budget = Math.max(0, campaign.throttle_per_minute - (pressure[0]?.recent ?? 0));
    let sent = 0;

    const digest = campaign.digest_due && budget > 0 ? await assembleDigest(trx, campaign, at) : null;
    if (digest) {
      budget -= 1;
      sent += 1;
    }

    let letters = 0;
    if (campaign.letter_delivery === "individual" && budget > 0) {
      // Spread over the minute, so the target never sees more than the throttle in any minute.
      const spacingMs = 60_000 / Math.max(1, campaign.throttle_per_minute);
      letters = await queueLetters(
        trx,
        campaign,
        budget,
        (i) => new Date(at.getTime() + Math.round((sent + i) * spacingMs)),
        confirmedBy(campaign, at),
      );
    }
    return { campaignId, letters, digest: digest && { signatures: digest.signatures, letters: digest.letters } };
  });
}

/** Claims up to `limit` confirmed letters, each becoming its own delivery email, the i-th sent at `sendAt(i)`. */
async function queueLetters(
  trx: Transaction,
  campaign: CampaignRow,
  limit: number,
  sendAt: (i: number) => Date,
  heldUntil: Date | null,
): Promise<number> {
  const picked = await trx
    .selectFrom("letter")
    .select("id")
    .where("campaign_id", "=", campaign.id)
    .where("status", "=", "confirmed")
    .where("delivery_message_id", "is", null)
    .$if(heldUntil !== null, (q) => q.where("confirmed_at", "<=", heldUntil!))
    .orderBy("confirmed_at")
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (picked.length === 0) return 0;
  const messages = picked.map((l, i) => ({
    id: randomUUID(),
    letterId: l.id,
    messageId: letterMessageId(l.id),
    availableAt: sendAt(i),
  }));
  const kind: MessageKind = "delivery.letter";
  await sql`
WITH m AS (
  INSERT INTO outbox_message (id, kind, "to", locale, message_id, letter_id, campaign_id, available_at)
  SELECT x.id, ${kind}, ${await deliveryTargetOf(campaign.id, trx)}, ${campaign.default_locale}, x.message_id, x.letter_id, ${campaign.id}, x.available_at
    FROM unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.letterId)}::uuid[],
                ${messages.map((m) => m.messageId)}::text[], ${messages.map((m) => m.availableAt)}::timestamptz[])
         AS x(id, letter_id, message_id, available_at)
  RETURNING id, letter_id
)
UPDATE letter SET status = 'queued', queued_at = ${now()}, delivery_message_id = m.id FROM m WHERE letter.id = m.letter_id`.execute(
    trx,
  );
  return messages.length;
}

/** One digest of everything new since the last: signatures always, letters when the campaign says so. */
async function assembleDigest(trx: Transaction, campaign: CampaignRow, at: Date) {
  // Signers travel as CSV rows; letters inline, so far fewer fit in one email.
  const max = env.DIGEST_MAX_ITEMS;
  const maxLetters = env.DIGEST_MAX_LETTERS;
  const heldUntil = confirmedBy(campaign, at);
  const unsent = (table: "signature" | "letter", limit: number) =>
    trx
      .selectFrom(table)
      .select("id")
      .where("campaign_id", "=", campaign.id)
      .where("status", "=", "confirmed")
      .where("delivery_message_id", "is", null)
      .$if(table === "letter" && heldUntil !== null, (q) => q.where("confirmed_at", "<=", heldUntil!))
      .orderBy("confirmed_at")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  const signatures = await unsent("signature", max);
  const letters = campaign.letter_delivery === "digest" ? await unsent("letter", maxLetters) : [];
  if (signatures.length === 0 && letters.length === 0) return null;

  const id = randomUUID();
  const payload = await digestPayload(trx, campaign, { signatures: signatures.length, letters: letters.length }, at);
  await trx
    .insertInto("outbox_message")
    .values({
      id,
      kind: "delivery.digest" satisfies MessageKind,
      to: await deliveryTargetOf(campaign.id, trx),
      locale: campaign.default_locale,
      payload: JSON.stringify(payload),
      message_id: digestMessageId(
        campaign.id,
        [...signatures, ...letters].map((r) => r.id),
      ),
      campaign_id: campaign.id,
      available_at: at,
    })
    .execute();
  if (signatures.length) {
    await trx
      .updateTable("signature")
      .set({ delivery_message_id: id })
      .where(
        "id",
        "in",
        signatures.map((s) => s.id),
      )
      .execute();
  }
  if (letters.length) {
    await trx
      .updateTable("letter")
      .set({ status: "queued", queued_at: at, delivery_message_id: id })
      .where(
        "id",
        "in",
        letters.map((l) => l.id),
      )
      .execute();
  }
  // A digest cut short by the size cap is followed by the next tranche at the next tick.
  const complete = signatures.length < max && letters.length < maxLetters;
  if (complete) await trx.updateTable("campaign").set({ last_digest_at: at }).where("id", "=", campaign.id).execute();
  return { messageId: id, signatures: signatures.length, letters: letters.length };
}
