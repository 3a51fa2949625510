// The delivery tick: for each campaign and each of its targets (lib/campaigns/campaign-targets.ts), puts what is due
// into the outbox according to the target's plan — confirmed letters one by one (at most the throttle per minute,
// spread over the minute), and every interval of the target's schedule one digest of the new signatures (with the
// letters when the target takes them in digests), or one signed bundle for a target that takes bundles only. What a
// target has been handed is recorded per target (target_signature, target_letter) in the same transaction that writes
// its messages, so each item reaches each target exactly once, and any number of workers may run the tick at once: a
// target another worker is handling is skipped. Each target is scheduled in its own transaction, so one target's
// failure never holds up another's. A letter waits out its campaign's cooling-off hold after confirmation
// (lib/letters/letter-hold.ts), measured from the clock's time passed in, never the database's.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db, transaction, type Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { logError } from "@/lib/infra/log";
import { kindsOf, type MessageKind } from "@/lib/infra/outbox/message-kinds";
import { campaignTargets, ensureCampaignTarget, type CampaignTarget } from "@/lib/campaigns/campaign-targets";
import { bundleMessageId, digestMessageId, letterMessageId } from "./message-ids";
import { digestPayload } from "./digest-payload";
import { hourMs, letterHoldHours } from "@/lib/letters/letter-hold";
import { makeCampaignBundle } from "./bundle/make-campaign-bundle";

export type TargetTickResult = {
  targetId: string;
  letters: number;
  digest: { signatures: number; letters: number } | null;
  bundle: { id: string; signatures: number; letters: number } | null;
};

export type TickResult = {
  campaignId: string;
  /** Summed over the campaign's targets. */
  letters: number;
  digest: { signatures: number; letters: number } | null;
  targets: TargetTickResult[];
}[];

type CampaignRow = { id: string; throttle_per_minute: number; letter_hold_hours: number | null };

type TargetRow = {
  id: string;
  campaign_id: string;
  position: number;
  email: string;
  language: string;
  plan: CampaignTarget["plan"];
  last_scheduled_at: Date | null;
  due: boolean;
};

const deliveryKinds = kindsOf("delivery");
/** Letters a target may still be handed: confirmed, or already handed to another target. */
const deliverableLetter = ["confirmed", "queued", "delivered"] as const;

/** The latest confirmation time a letter may have to be past its campaign's hold at `at` (null: no hold). */
function confirmedBy(campaign: CampaignRow, at: Date): Date | null {
  const hours = letterHoldHours(campaign.letter_hold_hours);
  return hours === 0 ? null : new Date(at.getTime() - hours * hourMs);
}

export async function scheduleDeliveries(): Promise<TickResult> {
  const at = now();
  // Campaigns with something confirmed that one of its targets (or, before its first is stored, the campaign's own
  // target) has not been handed yet, whose hold (if any) has passed.
  const { rows } = await sql<{ id: string }>`
SELECT c.id FROM campaign c
 WHERE c.status <> 'draft' AND (c.hold_until IS NULL OR c.hold_until <= ${at})
   AND (EXISTS (SELECT 1 FROM letter l WHERE l.campaign_id = c.id AND l.status IN ('confirmed', 'queued', 'delivered') AND l.email_key IS NOT NULL
                  AND (COALESCE(c.letter_hold_hours, ${env.LETTER_HOLD_HOURS}::int) = 0
                    OR l.confirmed_at <= ${at}::timestamptz - make_interval(hours => COALESCE(c.letter_hold_hours, ${env.LETTER_HOLD_HOURS}::int)))
                  AND (NOT EXISTS (SELECT 1 FROM campaign_target t WHERE t.campaign_id = c.id) AND l.status = 'confirmed'
                    OR EXISTS (SELECT 1 FROM campaign_target t WHERE t.campaign_id = c.id
                                  AND NOT EXISTS (SELECT 1 FROM target_letter x WHERE x.target_id = t.id AND x.letter_id = l.id))))
     OR EXISTS (SELECT 1 FROM signature s WHERE s.campaign_id = c.id AND s.status = 'confirmed' AND s.email_key IS NOT NULL
                  AND (NOT EXISTS (SELECT 1 FROM campaign_target t WHERE t.campaign_id = c.id) AND s.delivery_message_id IS NULL
                    OR EXISTS (SELECT 1 FROM campaign_target t WHERE t.campaign_id = c.id
                                  AND NOT EXISTS (SELECT 1 FROM target_signature x WHERE x.target_id = t.id AND x.signature_id = s.id)))))`.execute(
    db,
  );
  const results: TickResult = [];
  for (const { id } of rows) {
    const targets = await scheduleCampaign(id, at);
    if (!targets) continue;
    const digests = targets.flatMap((t) => (t.digest ? [t.digest] : []));
    results.push({
      campaignId: id,
      letters: targets.reduce((n, t) => n + t.letters, 0),
      digest: digests.length
        ? {
            signatures: digests.reduce((n, d) => n + d.signatures, 0),
            letters: digests.reduce((n, d) => n + d.letters, 0),
          }
        : null,
      targets,
    });
  }
  return results;
}

async function scheduleCampaign(campaignId: string, at: Date): Promise<TargetTickResult[] | null> {
  const campaign = await transaction(async (trx) => {
    const { rows } = await sql<CampaignRow>`
SELECT id, throttle_per_minute, letter_hold_hours FROM campaign
 WHERE id = ${campaignId} AND (hold_until IS NULL OR hold_until <= ${at})
   FOR UPDATE SKIP LOCKED`.execute(trx);
    // Under the campaign's lock, so two workers never both store its first target.
    if (rows[0]) await ensureCampaignTarget(campaignId, trx);
    return rows[0] ?? null;
  });
  if (!campaign) return null;
  const results: TargetTickResult[] = [];
  for (const target of await campaignTargets(campaignId)) {
    try {
      const result = await scheduleTarget(campaign, target.id, at);
      if (result) results.push(result);
    } catch (err) {
      // This target waits for the next tick; the campaign's other targets go on.
      logError("delivery", `scheduling target ${target.id} of campaign ${campaignId} failed`, err);
    }
  }
  return results;
}

async function scheduleTarget(campaign: CampaignRow, targetId: string, at: Date): Promise<TargetTickResult | null> {
  return transaction(async (trx) => {
    const { rows } = await sql<TargetRow>`
SELECT id, campaign_id, position, email, language, plan, last_scheduled_at,
       (last_scheduled_at IS NULL OR last_scheduled_at + make_interval(mins => interval_minutes) <= ${at}) AS due
  FROM campaign_target WHERE id = ${targetId}
   FOR UPDATE SKIP LOCKED`.execute(trx);
    const target = rows[0];
    if (!target) return null;
    const result: TargetTickResult = { targetId, letters: 0, digest: null, bundle: null };
    // While the relay refuses this target's earlier deliveries, queue nothing new for it: the backlog waits in its
    // tables, not in retries.
    const { rows: pressure } = await sql<{ recent: number; retrying: boolean | null }>`
SELECT count(*) FILTER (WHERE created_at > ${at}::timestamptz - interval '1 minute')::int AS recent,
       bool_or(status = 'pending' AND attempts > 0) AS retrying
  FROM outbox_message
 WHERE target_id = ${targetId} AND kind = ANY(${deliveryKinds}::text[])
   AND created_at > ${at}::timestamptz - interval '1 day'`.execute(trx);
    if (pressure[0]?.retrying) return result;
    let budget = Math.max(0, campaign.throttle_per_minute - (pressure[0]?.recent ?? 0));
    if (budget === 0) return result;

    if (target.plan === "bundle_only") {
      if (target.due) result.bundle = await assembleBundle(trx, campaign, target, at);
      return result;
    }
    let sent = 0;
    if (target.due) {
      const digest = await assembleDigest(trx, campaign, target, at);
      if (digest) {
        result.digest = { signatures: digest.signatures, letters: digest.letters };
        budget -= 1;
        sent += 1;
      }
    }
    if (target.plan === "one_by_one" && budget > 0) {
      // Spread over the minute, so the target never sees more than the throttle in any minute.
      const spacingMs = 60_000 / Math.max(1, campaign.throttle_per_minute);
      result.letters = await queueLetters(
        trx,
        campaign,
        target,
        budget,
        (i) => {
          return new Date(at.getTime() + Math.round((sent + i) * spacingMs));
        },
        confirmedBy(campaign, at),
      );
    }
    return result;
  });
}

/** Up to `limit` of the campaign's signatures or letters not yet handed to this target, oldest first. */
function notYetHanded(
  trx: Transaction,
  campaign: CampaignRow,
  target: TargetRow,
  table: "signature" | "letter",
  limit: number,
  heldUntil: Date | null,
) {
  const base =
    table === "signature"
      ? trx
          .selectFrom("signature as r")
          .where("r.status", "=", "confirmed")
          // An anonymised signature (its period over, or its signer erased) has nothing left to hand over.
          .where("r.email_key", "is not", null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("target_signature as x")
                  .select("x.signature_id")
                  .whereRef("x.signature_id", "=", "r.id")
                  .where("x.target_id", "=", target.id),
              ),
            ),
          )
      : trx
          .selectFrom("letter as r")
          .where("r.status", "in", deliverableLetter)
          .where("r.email_key", "is not", null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("target_letter as x")
                  .select("x.letter_id")
                  .whereRef("x.letter_id", "=", "r.id")
                  .where("x.target_id", "=", target.id),
              ),
            ),
          )
          .$if(heldUntil !== null, (q) => q.where("r.confirmed_at", "<=", heldUntil!));
  return base
    .select("r.id")
    .where("r.campaign_id", "=", campaign.id)
    .orderBy("r.confirmed_at")
    .orderBy("r.id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Records what a message carried to the target; a letter handed over for the first time is queued. */
async function recordHanded(
  trx: Transaction,
  target: TargetRow,
  items: { signatures?: { ids: string[]; messageId: string }; letters: { id: string; messageId: string }[] },
  at: Date,
) {
  const signatures = items.signatures;
  if (signatures && signatures.ids.length) {
    // The ids travel as one array parameter: a digest carries up to DIGEST_MAX_ITEMS (50,000) signers, more than the
    // 65,535 parameters one statement may have at one per id, let alone three per row.
    await sql`
INSERT INTO target_signature (target_id, signature_id, message_id)
SELECT ${target.id}, x.id, ${signatures.messageId} FROM unnest(${signatures.ids}::uuid[]) AS x(id)`.execute(trx);
    // The signature's first carrier: until then its signer may still change how they appear.
    await sql`
UPDATE signature SET delivery_message_id = ${signatures.messageId}
 WHERE id = ANY(${signatures.ids}::uuid[]) AND delivery_message_id IS NULL`.execute(trx);
  }
  if (items.letters.length) {
    await trx
      .insertInto("target_letter")
      .values(items.letters.map((l) => ({ target_id: target.id, letter_id: l.id, message_id: l.messageId })))
      .execute();
    // The letter's own status and first carrier say where it stands as a whole; target_letter, per target.
    await sql`
UPDATE letter SET status = 'queued', queued_at = ${at}, delivery_message_id = x.message_id
  FROM unnest(${items.letters.map((l) => l.id)}::uuid[], ${items.letters.map((l) => l.messageId)}::uuid[]) AS x(id, message_id)
 WHERE letter.id = x.id AND letter.status = 'confirmed'`.execute(trx);
  }
}

/** Claims up to `limit` letters, each becoming its own delivery email to the target, the i-th sent at `sendAt(i)`. */
async function queueLetters(
  trx: Transaction,
  campaign: CampaignRow,
  target: TargetRow,
  limit: number,
  sendAt: (i: number) => Date,
  heldUntil: Date | null,
): Promise<number> {
  const picked = await notYetHanded(trx, campaign, target, "letter", limit, heldUntil);
  if (picked.length === 0) return 0;
  const messages = picked.map((l, i) => ({
    id: randomUUID(),
    letterId: l.id,
    messageId: letterMessageId(l.id, target),
    availableAt: sendAt(i),
  }));
  const kind: MessageKind = "delivery.letter";
  await sql`
INSERT INTO outbox_message (id, kind, "to", locale, message_id, letter_id, campaign_id, target_id, available_at)
SELECT x.id, ${kind}, ${target.email}, ${target.language}, x.message_id, x.letter_id, ${campaign.id}, ${target.id}, x.available_at
  FROM unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.letterId)}::uuid[],
              ${messages.map((m) => m.messageId)}::text[], ${messages.map((m) => m.availableAt)}::timestamptz[])
       AS x(id, letter_id, message_id, available_at)`.execute(trx);
  await recordHanded(trx, target, { letters: messages.map((m) => ({ id: m.letterId, messageId: m.id })) }, now());
  return messages.length;
}

/** One digest of everything new for the target since its last: signatures always, letters when its plan says so. */
async function assembleDigest(trx: Transaction, campaign: CampaignRow, target: TargetRow, at: Date) {
  // Signers travel as CSV rows; letters inline, so far fewer fit in one email.
  const max = env.DIGEST_MAX_ITEMS;
  const maxLetters = env.DIGEST_MAX_LETTERS;
  const signatures = await notYetHanded(trx, campaign, target, "signature", max, null);
  const letters =
    target.plan === "digest"
      ? await notYetHanded(trx, campaign, target, "letter", maxLetters, confirmedBy(campaign, at))
      : [];
  if (signatures.length === 0 && letters.length === 0) return null;

  const id = randomUUID();
  const payload = await digestPayload(
    trx,
    { id: campaign.id, last_digest_at: target.last_scheduled_at },
    { signatures: signatures.length, letters: letters.length },
    at,
  );

  await trx
    .insertInto("outbox_message")
    .values({
      id,
      kind: "delivery.digest" satisfies MessageKind,
      to: target.email,
      locale: target.language,
      payload: JSON.stringify(payload),
      message_id: digestMessageId(
        campaign.id,
        [...signatures, ...letters].map((r) => r.id),
        target,
      ),
      campaign_id: campaign.id,
      target_id: target.id,
      available_at: at,
    })
    .execute();
  await recordHanded(
    trx,
    target,
    {
      signatures: { ids: signatures.map((s) => s.id), messageId: id },
      letters: letters.map((l) => ({ id: l.id, messageId: id })),
    },
    at,
  );
  // A digest cut short by the size cap is followed by the next tranche at the next tick.
  const complete = signatures.length < max && letters.length < maxLetters;
  if (complete) await markScheduled(trx, target, at);
  return { messageId: id, signatures: signatures.length, letters: letters.length };
}

/** The target's schedule moves on; the campaign's own column follows its first target's, for older readers. */
async function markScheduled(trx: Transaction, target: TargetRow, at: Date) {
  await trx.updateTable("campaign_target").set({ last_scheduled_at: at }).where("id", "=", target.id).execute();
  if (target.position === 0)
    await trx.updateTable("campaign").set({ last_digest_at: at }).where("id", "=", target.campaign_id).execute();
}

/**
 * A target that takes bundles only: when something is new for it, a signed bundle of everything counted now (the
 * campaign's chain of manifests continues), sent as one email. Made while the target's row is locked, so two workers
 * never both make one; if this transaction then fails, the bundle stays in the chain unsent and the next tick makes
 * a newer one.
 */
async function assembleBundle(trx: Transaction, campaign: CampaignRow, target: TargetRow, at: Date) {
  const everything = 1_000_000_000;
  const signatures = await notYetHanded(trx, campaign, target, "signature", everything, null);
  const letters = await notYetHanded(trx, campaign, target, "letter", everything, confirmedBy(campaign, at));
  if (signatures.length === 0 && letters.length === 0) return null;
  const made = await makeCampaignBundle(campaign.id, null, { targetId: target.id });
  const id = randomUUID();
  await trx
    .insertInto("outbox_message")
    .values({
      id,
      kind: "delivery.bundle" satisfies MessageKind,
      to: target.email,
      locale: target.language,
      payload: JSON.stringify({ bundleId: made.id, periodStart: target.last_scheduled_at?.toISOString() ?? null }),
      message_id: bundleMessageId(made.id, target),
      campaign_id: campaign.id,
      target_id: target.id,
      available_at: at,
    })
    .execute();
  await recordHanded(
    trx,
    target,
    {
      signatures: { ids: signatures.map((s) => s.id), messageId: id },
      letters: letters.map((l) => ({ id: l.id, messageId: id })),
    },
    at,
  );
  await markScheduled(trx, target, at);
  return { id: made.id, signatures: made.signatures, letters: made.letters };
}
