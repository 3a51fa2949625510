// Erases the personal data of campaigns closed longer than RETENTION_DAYS_AFTER_CLOSE, keeping what the counts and
// the organizers' records need.
// - Signatures: confirmed (and struck-out) ones keep status, dates, country, region and language (the per-day,
//   country and region counts) and lose name, email, email key, postal code, comment, IP hash and token; unconfirmed
//   and suspected ones are deleted.
// - Letters: delivered and rejected ones keep status, dates, language, country, topics, moderation reason and the
//   delivery reference (outbox message: when, to whom, the relay's answer) and lose the writer's details, the
//   writer's role and the text itself, which may identify the writer. Unconfirmed ones are deleted; one still held
//   for review is erased and counts as rejected (it will never be delivered).
// - Items still on their way to the target (confirmed, or queued with their delivery unsettled) are delivered
//   first: they are left as they are and erased by a later run once delivered (or failed for good).
// - The signers' and writers' own emails lose recipient, parameters and relay answers (lib/privacy/erase-own-mail).
// A campaign is marked `anonymised_at` once nothing personal is left. Work goes in batches of RETENTION_BATCH_SIZE,
// each a short transaction, walking the (campaign_id, email_key) index: anonymised rows leave it (email_key becomes
// null), so a campaign of a million rows costs a million rows, not a million squared. One worker handles a campaign at
// a time (a session advisory lock, released if the worker dies); rows another transaction holds (a withdrawal, a
// delivery being settled) are skipped and left for the next run.
import type pg from "pg";
import { pool, transactionOn } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
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

export async function anonymiseClosedCampaigns(
  options: { days?: number; batchSize?: number } = {},
): Promise<CampaignRetention[]> {
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

async function anonymiseCampaign(
  campaignId: string,
  days: number,
  batchSize: number,
): Promise<CampaignRetention | null> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const lockKey = `open-letters.retention:${campaignId}`;
    const { rows: lock } = await client.query<{ ok: boolean }>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok`,
      [lockKey],
    );
    if (!lock[0]?.ok) return null; // another worker is on it
    try {
      const result: CampaignRetention = {
        campaignId,
        signatures: { anonymised: 0, deleted: 0, waiting: 0 },
        letters: { anonymised: 0, deleted: 0, waiting: 0 },
        complete: false,
      };
      for (const [what, tally] of [
        [signatures, result.signatures],
        [letters, result.letters],
      ] as const) {
        for (let after = ""; ;) {
          const batch = await eraseBatch(client, what, campaignId, after, days, batchSize, tally);
          if (batch.last === null || batch.seen < batchSize) break;
          after = batch.last;
        }
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

/** How one table's rows are erased: which are still on their way to the target, which are kept, and what they lose. */
type Erasure = {
  table: "signature" | "letter";
  /** Per row (alias `t`): still to be delivered, so left for a later run. */
  waitingSql: string;
  /** Statuses of rows never confirmed: deleted. */
  deleted: string[];
  /** Statuses of rows kept, anonymised once not waiting (all but `deleted` when not given); any other row waits. */
  kept?: string[];
  /** The SET list that erases a kept row. */
  eraseSql: string;
  mail: "signatureIds" | "letterIds";
};

const signatures: Erasure = {
  table: "signature",
  waitingSql: `t.status = 'confirmed' AND (t.delivery_message_id IS NULL OR EXISTS (
                 SELECT 1 FROM outbox_message d WHERE d.id = t.delivery_message_id AND d.status IN ('pending', 'sending')))`,
  // A suspected signature was never emailed nor counted; a struck-out one stays, anonymous, as the organizers' evidence.
  deleted: ["pending", "suspected"],
  kept: ["confirmed", "invalidated"],
  // email is NOT NULL (mail goes there while a signature lives): '' says "no one's" as withdrawn letters' name does.
  eraseSql: `email = '', email_key = NULL, name = '', postal_code = NULL, comment = NULL, ip_hash = NULL, show_name = false,
             wants_updates = false, confirm_token_hash = NULL, confirm_token_expires_at = NULL`,
  mail: "signatureIds",
};

const letters: Erasure = {
  table: "letter",
  waitingSql: `t.status = 'confirmed' OR (t.status = 'queued' AND EXISTS (
                 SELECT 1 FROM outbox_message d WHERE d.id = t.delivery_message_id AND d.status IN ('pending', 'sending')))`,
  deleted: ["pending"],
  eraseSql: `email = NULL, email_key = NULL, name = '', street = NULL, city = NULL, region = NULL, postal_code = NULL,
             subject = '', body = '', body_fingerprint = NULL, writer_role = NULL, show_name = false, wants_updates = false,
             ip_hash = NULL, confirm_token_hash = NULL, confirm_token_expires_at = NULL,
             rejected_at = CASE WHEN status = 'held' THEN now() ELSE rejected_at END,
             status = CASE WHEN status = 'held' THEN 'rejected'::letter_status ELSE status END`,
  mail: "letterIds",
};

/** The next batch of a table's rows still carrying an email key, after `after` in key order. */
async function eraseBatch(
  client: pg.PoolClient,
  what: Erasure,
  campaignId: string,
  after: string,
  days: number,
  batchSize: number,
  tally: Tally,
): Promise<Batch> {
  return transactionOn(client, async () => {
    const { rows } = await client.query<{ id: string; status: string; email_key: string; waiting: boolean }>(
      `SELECT t.id, t.status::text, t.email_key, (${what.waitingSql}) AS waiting
         FROM ${what.table} t
        WHERE t.campaign_id = $1 AND t.email_key > $2
          AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = $1 AND ${due("$4")})
        ORDER BY t.email_key
        LIMIT $3
          FOR UPDATE OF t SKIP LOCKED`,
      [campaignId, after, batchSize, days],
    );
    const isKept = (status: string) => (what.kept ? what.kept.includes(status) : !what.deleted.includes(status));
    const deleted = rows.filter((r) => what.deleted.includes(r.status)).map((r) => r.id);
    const erased = rows.filter((r) => isKept(r.status) && !r.waiting).map((r) => r.id);
    await eraseOwnMail(client, { [what.mail]: [...deleted, ...erased] });
    if (deleted.length) await client.query(`DELETE FROM ${what.table} WHERE id = ANY($1::uuid[])`, [deleted]);
    if (erased.length)
      await client.query(`UPDATE ${what.table} SET ${what.eraseSql} WHERE id = ANY($1::uuid[])`, [erased]);
    tally.deleted += deleted.length;
    tally.anonymised += erased.length;
    tally.waiting += rows.length - deleted.length - erased.length;
    return { seen: rows.length, last: rows.at(-1)?.email_key ?? null };
  });
}
