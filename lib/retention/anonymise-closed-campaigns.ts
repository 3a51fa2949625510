// Erases the personal data of campaigns closed longer than RETENTION_DAYS_AFTER_CLOSE, keeping what the counts and
// the organizers' records need.
// - Signatures: confirmed ones keep status, dates, country, region and language (the per-day, country and region
//   counts) and lose name, email, email key, postal code, comment, IP hash and token; unconfirmed ones are deleted.
// - Letters: delivered and rejected ones keep status, dates, language, country, topics, moderation reason and the
//   delivery reference (outbox message: when, to whom, the relay's answer) and lose the writer's details, the
//   writer's role and the text itself, which may identify the writer. Unconfirmed ones are deleted; one still held
//   for review is erased and counts as rejected (it will never be delivered).
// - Items still on their way to the target (confirmed, or queued with their delivery unsettled) are delivered
//   first: they are left as they are and erased by a later run once delivered (or failed for good).
// - The signers' and writers' own emails lose recipient, parameters and relay answers (lib/retention/erase-own-mail).
// A campaign is marked `anonymised_at` once nothing personal is left. Work goes in batches of RETENTION_BATCH_SIZE,
// each a short transaction, walking the (campaign_id, email_key) index: anonymised rows leave it (email_key becomes
// null), so a campaign of a million rows costs a million rows, not a million squared. One worker handles a campaign at
// a time (a session advisory lock, released if the worker dies); rows another transaction holds (a withdrawal, a
// delivery being settled) are skipped and left for the next run.
import type pg from "pg";
import { pool } from "../db";
import { env } from "../env";
import { eraseOwnMail } from "./erase-own-mail";

export type CampaignRetention = {
  campaignId: string;
  signatures: { anonymised: number; deleted: number; waiting: number };
  letters: { anonymised: number; deleted: number; waiting: number };
  /** Nothing personal left: `campaign.anonymised_at` was set. */
  complete: boolean;
};

/** When the campaign stopped taking signatures: closed by an organizer, or its closing date, whichever came first. */
const closedSince = `LEAST(CASE WHEN c.status = 'closed' THEN COALESCE(c.closed_at, c.updated_at) END, c.closes_at)`;
const due = (days: string) => `c.status <> 'draft' AND ${closedSince} <= now() - make_interval(days => ${days}::int)`;

export async function anonymiseClosedCampaigns(options: { days?: number; batchSize?: number } = {}): Promise<CampaignRetention[]> {
  const days = options.days ?? env.RETENTION_DAYS_AFTER_CLOSE;
  const batchSize = options.batchSize ?? env.RETENTION_BATCH_SIZE;
  // A campaign reopened and closed again after it was anonymised has new people to erase.
  const { rows } = await pool.query<{ id: string }>(
    `SELECT c.id FROM campaign c WHERE ${due("$1")} AND (c.anonymised_at IS NULL OR c.anonymised_at < ${closedSince}) ORDER BY c.id`,
    [days],
  );
  const results: CampaignRetention[] = [];
  for (const { id } of rows) {
    const result = await anonymiseCampaign(id, days, batchSize);
    if (result) results.push(result);
  }
  return results;
}

async function anonymiseCampaign(campaignId: string, days: number, batchSize: number): Promise<CampaignRetention | null> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const lockKey = `open-letters.retention:${campaignId}`;
    const { rows: lock } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok`, [lockKey]);
    if (!lock[0]?.ok) return null; // another worker is on it
    try {
      const result: CampaignRetention = {
        campaignId,
        signatures: { anonymised: 0, deleted: 0, waiting: 0 },
        letters: { anonymised: 0, deleted: 0, waiting: 0 },
        complete: false,
      };
      for (let after = ""; ; ) {
        const batch = await signatureBatch(client, campaignId, after, days, batchSize, result.signatures);
        if (batch.last === null || batch.seen < batchSize) break;
        after = batch.last;
      }
      for (let after = ""; ; ) {
        const batch = await letterBatch(client, campaignId, after, days, batchSize, result.letters);
        if (batch.last === null || batch.seen < batchSize) break;
        after = batch.last;
      }
      const { rowCount } = await client.query(
        `UPDATE campaign c SET anonymised_at = now()
          WHERE c.id = $1 AND ${due("$2")}
            AND NOT EXISTS (SELECT 1 FROM signature WHERE campaign_id = $1 AND email_key IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM letter WHERE campaign_id = $1 AND email_key IS NOT NULL)`,
        [campaignId, days],
      );
      result.complete = rowCount === 1;
      return result;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    }
  } catch (err) {
    // A connection that failed mid-way may still hold the lock or a transaction: close it instead of reusing it.
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}

type Batch = { seen: number; last: string | null };
type Tally = { anonymised: number; deleted: number; waiting: number };

async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/** The next batch of signatures still carrying an email key, after `after` in key order. */
async function signatureBatch(client: pg.PoolClient, campaignId: string, after: string, days: number, batchSize: number, tally: Tally): Promise<Batch> {
  return inTransaction(client, async () => {
    const { rows } = await client.query<{ id: string; status: string; email_key: string; waiting: boolean }>(
      `SELECT s.id, s.status::text, s.email_key,
              (s.status = 'confirmed' AND (s.delivery_message_id IS NULL OR EXISTS (
                 SELECT 1 FROM outbox_message d WHERE d.id = s.delivery_message_id AND d.status IN ('pending', 'sending')))) AS waiting
         FROM signature s
        WHERE s.campaign_id = $1 AND s.email_key > $2
          AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = $1 AND ${due("$4")})
        ORDER BY s.email_key
        LIMIT $3
          FOR UPDATE OF s SKIP LOCKED`,
      [campaignId, after, batchSize, days],
    );
    const pending = rows.filter((r) => r.status === "pending").map((r) => r.id);
    const done = rows.filter((r) => r.status === "confirmed" && !r.waiting).map((r) => r.id);
    await eraseOwnMail(client, { signatureIds: [...pending, ...done] });
    if (pending.length) await client.query(`DELETE FROM signature WHERE id = ANY($1::uuid[])`, [pending]);
    if (done.length) {
      // email is NOT NULL (mail goes there while a signature lives): '' says "no one's" as withdrawn letters' name does.
      await client.query(
        `UPDATE signature
            SET email = '', email_key = NULL, name = '', postal_code = NULL, comment = NULL, ip_hash = NULL, show_name = false,
                wants_updates = false, confirm_token_hash = NULL, confirm_token_expires_at = NULL
          WHERE id = ANY($1::uuid[])`,
        [done],
      );
    }
    tally.deleted += pending.length;
    tally.anonymised += done.length;
    tally.waiting += rows.length - pending.length - done.length;
    return { seen: rows.length, last: rows.at(-1)?.email_key ?? null };
  });
}

/** The next batch of letters still carrying an email key (withdrawn ones lost theirs already). */
async function letterBatch(client: pg.PoolClient, campaignId: string, after: string, days: number, batchSize: number, tally: Tally): Promise<Batch> {
  return inTransaction(client, async () => {
    const { rows } = await client.query<{ id: string; status: string; email_key: string; waiting: boolean }>(
      `SELECT l.id, l.status::text, l.email_key,
              (l.status = 'confirmed' OR (l.status = 'queued' AND EXISTS (
                 SELECT 1 FROM outbox_message d WHERE d.id = l.delivery_message_id AND d.status IN ('pending', 'sending')))) AS waiting
         FROM letter l
        WHERE l.campaign_id = $1 AND l.email_key > $2
          AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = $1 AND ${due("$4")})
        ORDER BY l.email_key
        LIMIT $3
          FOR UPDATE OF l SKIP LOCKED`,
      [campaignId, after, batchSize, days],
    );
    const pending = rows.filter((r) => r.status === "pending").map((r) => r.id);
    const done = rows.filter((r) => r.status !== "pending" && !r.waiting).map((r) => r.id);
    await eraseOwnMail(client, { letterIds: [...pending, ...done] });
    if (pending.length) await client.query(`DELETE FROM letter WHERE id = ANY($1::uuid[])`, [pending]);
    if (done.length) {
      await client.query(
        `UPDATE letter
            SET email = NULL, email_key = NULL, name = '', street = NULL, city = NULL, region = NULL, postal_code = NULL,
                subject = '', body = '', body_fingerprint = NULL, writer_role = NULL, show_name = false, wants_updates = false,
                ip_hash = NULL, confirm_token_hash = NULL, confirm_token_expires_at = NULL,
                rejected_at = CASE WHEN status = 'held' THEN now() ELSE rejected_at END,
                status = CASE WHEN status = 'held' THEN 'rejected'::letter_status ELSE status END
          WHERE id = ANY($1::uuid[])`,
        [done],
      );
    }
    tally.deleted += pending.length;
    tally.anonymised += done.length;
    tally.waiting += rows.length - pending.length - done.length;
    return { seen: rows.length, last: rows.at(-1)?.email_key ?? null };
  });
}
