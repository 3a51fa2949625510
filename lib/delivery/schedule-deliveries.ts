// The delivery tick: for each campaign, puts what is due into the outbox — confirmed letters one by one (at most
// the throttle per minute) and, every digest interval, one digest of the new signatures (and of the letters when the
// campaign delivers letters in digests). Each batch is claimed and marked in the same transaction that records it,
// so any number of workers may run the tick at once: a campaign another worker is handling is skipped. A letter
// waits out its campaign's cooling-off hold after confirmation (lib/letters/letter-hold.ts), read from the clock.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { pool, withTransaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { now } from "@/lib/infra/clock";
import { boss, onClient, queues } from "@/lib/infra/queue/boss";
import { digestMessageId, letterMessageId } from "./message-ids";
import { letterHoldHours } from "@/lib/letters/letter-hold";

export type TickResult = {
  campaignId: string;
  letters: number;
  digest: { signatures: number; letters: number } | null;
}[];

type CampaignRow = {
  id: string;
  target_email: string;
  default_locale: string;
  letter_delivery: "individual" | "digest";
  digest_interval_minutes: number;
  throttle_per_minute: number;
  hold_until: Date | null;
  letter_hold_hours: number | null;
  last_digest_at: Date | null;
  digest_due: boolean;
};

/** A letter (alias `l`) past its cooling-off hold at $at, its campaign's hold in hours being $hours; 0 holds nothing. */
const pastHold = (at: string, hours: string) =>
  `(${hours} = 0 OR l.confirmed_at <= ${at}::timestamptz - make_interval(hours => ${hours}))`;

export async function scheduleDeliveries(): Promise<TickResult> {
  const at = now();
  // Campaigns with something confirmed and not yet handed over, whose hold (if any) has passed.
  const { rows } = await pool.query<{ id: string }>(
    `SELECT c.id FROM campaign c
      WHERE c.status <> 'draft' AND (c.hold_until IS NULL OR c.hold_until <= now())
        AND (EXISTS (SELECT 1 FROM letter l WHERE l.campaign_id = c.id AND l.status = 'confirmed' AND l.delivery_message_id IS NULL
                       AND ${pastHold("$1", "COALESCE(c.letter_hold_hours, $2::int)")})
          OR EXISTS (SELECT 1 FROM signature s WHERE s.campaign_id = c.id AND s.status = 'confirmed' AND s.delivery_message_id IS NULL))`,
    [at, env.LETTER_HOLD_HOURS],
  );
  const results: TickResult = [];
  for (const { id } of rows) {
    const result = await scheduleCampaign(id, at);
    if (result) results.push(result);
  }
  return results;
}

async function scheduleCampaign(campaignId: string, at: Date): Promise<TickResult[number] | null> {
  const queue = await boss();
  return withTransaction(async (client) => {
    const { rows } = await client.query<CampaignRow>(
      `SELECT id, target_email, default_locale, letter_delivery, digest_interval_minutes, throttle_per_minute, hold_until,
              letter_hold_hours, last_digest_at,
              (last_digest_at IS NULL OR last_digest_at + make_interval(mins => digest_interval_minutes) <= now()) AS digest_due
         FROM campaign WHERE id = $1 AND (hold_until IS NULL OR hold_until <= now())
          FOR UPDATE SKIP LOCKED`,
      [campaignId],
    );
    const campaign = rows[0];
    if (!campaign) {
      return null;
    }
    // While the relay refuses earlier deliveries, queue nothing new: the backlog waits in its tables, not in retries.
    const { rows: pressure } = await client.query<{ recent: number; retrying: boolean }>(
      `SELECT count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int AS recent,
              bool_or(status = 'pending' AND attempts > 0) AS retrying
         FROM outbox_message WHERE campaign_id = $1 AND kind LIKE 'delivery.%' AND created_at > now() - interval '1 day'`,
      [campaignId],
    );
    if (pressure[0]?.retrying) {
      return { campaignId, letters: 0, digest: null };
    }
    let budget = Math.max(0, campaign.throttle_per_minute - (pressure[0]?.recent ?? 0));
    const jobs: { id: string; startAfter: number }[] = [];
    const spacing = 60 / Math.max(1, campaign.throttle_per_minute);

    const digest = campaign.digest_due && budget > 0 ? await assembleDigest(client, campaign, at) : null;
    if (digest) {
      jobs.push({ id: digest.messageId, startAfter: 0 });
      budget -= 1;
    }

    let letters = 0;
    if (campaign.letter_delivery === "individual" && budget > 0) {
      const queued = await queueLetters(client, campaign, budget, at);
      // Spread over the minute, so the target never sees more than the throttle in any minute.
      const offset = jobs.length;
      queued.forEach((id, i) => jobs.push({ id, startAfter: Math.round((offset + i) * spacing) }));
      letters = queued.length;
    }

    if (jobs.length) {
      // One statement for the whole batch of send jobs, in the batch's own transaction.
      await queue.insert(
        queues.deliverySend,
        jobs.map((job) => ({ id: job.id, data: { outboxId: job.id }, startAfter: job.startAfter })),
        { db: onClient(client) },
      );
    }
    return { campaignId, letters, digest: digest && { signatures: digest.signatures, letters: digest.letters } };
  });
}

/** Claims up to `limit` confirmed letters, each becoming its own delivery email. Returns the outbox ids. */
async function queueLetters(client: pg.PoolClient, campaign: CampaignRow, limit: number, at: Date): Promise<string[]> {
  const { rows: picked } = await client.query<{ id: string }>(
    `SELECT id FROM letter l WHERE campaign_id = $1 AND status = 'confirmed' AND delivery_message_id IS NULL
        AND ${pastHold("$3", "$4::int")}
      ORDER BY confirmed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [campaign.id, limit, at, letterHoldHours(campaign.letter_hold_hours)],
  );
  if (picked.length === 0) return [];
  const messages = picked.map((l) => ({ id: randomUUID(), letterId: l.id, messageId: letterMessageId(l.id) }));
  await client.query(
    `WITH m AS (
       INSERT INTO outbox_message (id, kind, "to", locale, message_id, letter_id, campaign_id)
       SELECT x.id, 'delivery.letter', $2, $3, x.message_id, x.letter_id, $1
         FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS x(id, letter_id, message_id)
       RETURNING id, letter_id
     )
     UPDATE letter SET status = 'queued', queued_at = now(), delivery_message_id = m.id FROM m WHERE letter.id = m.letter_id`,
    [
      campaign.id,
      campaign.target_email,
      campaign.default_locale,
      messages.map((m) => m.id),
      messages.map((m) => m.letterId),
      messages.map((m) => m.messageId),
    ],
  );
  return messages.map((m) => m.id);
}

/** One digest of everything new since the last: signatures always, letters when the campaign says so. */
async function assembleDigest(client: pg.PoolClient, campaign: CampaignRow, at: Date) {
  // Signers travel as CSV rows; letters inline, so far fewer fit in one email.
  const max = env.DIGEST_MAX_ITEMS;
  const maxLetters = env.DIGEST_MAX_LETTERS;
  const { rows: signatures } = await client.query<{ id: string }>(
    `SELECT id FROM signature WHERE campaign_id = $1 AND status = 'confirmed' AND delivery_message_id IS NULL
      ORDER BY confirmed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [campaign.id, max],
  );
  const { rows: letters } =
    campaign.letter_delivery === "digest"
      ? await client.query<{ id: string }>(
          `SELECT id FROM letter l WHERE campaign_id = $1 AND status = 'confirmed' AND delivery_message_id IS NULL
              AND ${pastHold("$3", "$4::int")}
            ORDER BY confirmed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [campaign.id, maxLetters, at, letterHoldHours(campaign.letter_hold_hours)],
        )
      : { rows: [] };
  if (signatures.length === 0 && letters.length === 0) return null;

  const id = randomUUID();
  const { rows: totals } = await client.query<{ confirmed: number; letters: number }>(
    `SELECT COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = $1), 0)::int AS confirmed,
            (SELECT count(*) FROM letter WHERE campaign_id = $1 AND status IN ('confirmed', 'queued', 'delivered'))::int AS letters`,
    [campaign.id],
  );
  const payload = {
    periodStart: campaign.last_digest_at?.toISOString() ?? null,
    periodEnd: new Date().toISOString(),
    signatures: signatures.length,
    letters: letters.length,
    totals: totals[0],
  };
  await client.query(
    `INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, campaign_id)
     VALUES ($1, 'delivery.digest', $2, $3, $4, $5, $6)`,
    [
      id,
      campaign.target_email,
      campaign.default_locale,
      payload,
      digestMessageId(
        campaign.id,
        [...signatures, ...letters].map((r) => r.id),
      ),
      campaign.id,
    ],
  );
  if (signatures.length) {
    await client.query(`UPDATE signature SET delivery_message_id = $1 WHERE id = ANY($2::uuid[])`, [
      id,
      signatures.map((s) => s.id),
    ]);
  }
  if (letters.length) {
    await client.query(
      `UPDATE letter SET status = 'queued', queued_at = now(), delivery_message_id = $1 WHERE id = ANY($2::uuid[])`,
      [id, letters.map((l) => l.id)],
    );
  }
  // A digest cut short by the size cap is followed by the next tranche at the next tick.
  const complete = signatures.length < max && letters.length < maxLetters;
  if (complete) await client.query(`UPDATE campaign SET last_digest_at = now() WHERE id = $1`, [campaign.id]);
  return { messageId: id, signatures: signatures.length, letters: letters.length };
}
