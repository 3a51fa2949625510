// Erases the personal data of campaigns closed longer than RETENTION_DAYS_AFTER_CLOSE through the one erasure
// ("expire": what the counts and the organizers' records need stays), in short batches, one worker per campaign at a
// time; `campaign.anonymised_at` is set once nothing personal is left.
import { sql, type Expression, type Selectable, type SqlBool } from "kysely";
import type { Signature } from "@/lib/generated/kysely/types";
import { now } from "@/lib/infra/clock";
import { db, type Database } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { erasePeople, type Erasure } from "./erase-person";

export type CampaignRetention = {
  campaignId: string;
  signatures: Tally;
  letters: Tally;
  /** Nothing personal left: `campaign.anonymised_at` was set. */
  complete: boolean;
};

type Tally = { anonymised: number; deleted: number; waiting: number };

/** When campaign `c` stopped taking signatures: closed by an organizer, or its closing date, whichever came first. */
const closedSince = sql<Date>`LEAST(CASE WHEN c.status = 'closed' THEN COALESCE(c.closed_at, c.updated_at) END,
                                    c.closes_at)`;

/** Campaign `c` has been closed for the whole retention period at `cutoff` (the clock less the period). */
const due = (cutoff: Date): Expression<SqlBool> => sql<SqlBool>`c.status <> 'draft' AND ${closedSince} <= ${cutoff}`;

export async function anonymiseClosedCampaigns(
  options: { days?: number; batchSize?: number } = {},
): Promise<CampaignRetention[]> {
  const days = options.days ?? env.RETENTION_DAYS_AFTER_CLOSE;
  const batchSize = options.batchSize ?? env.RETENTION_BATCH_SIZE;
  const cutoff = new Date(now().getTime() - days * 86_400_000);
  // A campaign reopened and closed again after it was anonymised has new people to erase.
  const campaigns = await db
    .selectFrom("campaign as c")
    .select("c.id")
    .where(due(cutoff))
    .where((eb) => eb.or([eb("c.anonymised_at", "is", null), eb("c.anonymised_at", "<", closedSince)]))
    .orderBy("c.id")
    .execute();
  const results: CampaignRetention[] = [];
  for (const { id } of campaigns) {
    const result = await db.connection().execute((conn) => anonymiseCampaign(conn, id, cutoff, batchSize));
    if (result) results.push(result);
  }
  return results;
}

/**
 * On one connection, which holds the campaign's session advisory lock between its batches (released if the worker
 * dies). Batches of RETENTION_BATCH_SIZE, each a short transaction, walk the (campaign_id, email_key) index: erased
 * rows leave it (email_key becomes null), so a campaign of a million rows costs a million rows, not a million squared.
 * Rows another transaction holds (a withdrawal, a delivery being settled) are skipped and left for the next run.
 */
async function anonymiseCampaign(
  conn: Database,
  campaignId: string,
  cutoff: Date,
  batchSize: number,
): Promise<CampaignRetention | null> {
  const lockKey = `open-letters.retention:${campaignId}`;
  const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(hashtextextended(${lockKey}, 0)) AS ok`.execute(
    conn,
  );
  if (!lock.rows[0]?.ok) return null; // another worker is on it
  try {
    const result: CampaignRetention = {
      campaignId,
      signatures: { anonymised: 0, deleted: 0, waiting: 0 },
      letters: { anonymised: 0, deleted: 0, waiting: 0 },
      complete: false,
    };
    for (const table of ["signature", "letter"] as const) {
      for (let after = ""; ;) {
        const batch = await eraseBatch(conn, table, campaignId, after, cutoff, batchSize, result);
        if (batch.last === null || batch.seen < batchSize) break;
        after = batch.last;
      }
    }
    const marked = await conn
      .updateTable("campaign as c")
      .set({ anonymised_at: now() })
      .where("c.id", "=", campaignId)
      .where(due(cutoff))
      // Nothing in it still carries an address.
      .where(({ and, not, exists, selectFrom }) =>
        and([
          not(
            exists(
              selectFrom("signature")
                .select("id")
                .where("campaign_id", "=", campaignId)
                .where("email_key", "is not", null),
            ),
          ),
          not(
            exists(
              selectFrom("letter")
                .select("id")
                .where("campaign_id", "=", campaignId)
                .where("email_key", "is not", null),
            ),
          ),
        ]),
      )
      .executeTakeFirst();
    result.complete = marked.numUpdatedRows === 1n;
    // The delivery bundles' files show signers as they chose to appear: they go with the rest. Their manifests (ids
    // and hashes, no names) stay as the record of the count.
    if (result.complete) {
      await conn
        .deleteFrom("delivery_bundle_file")
        .where("bundle_id", "in", (eb) =>
          eb.selectFrom("delivery_bundle").select("id").where("campaign_id", "=", campaignId),
        )
        .execute();
    }
    return result;
  } finally {
    await sql`SELECT pg_advisory_unlock(hashtextextended(${lockKey}, 0))`.execute(conn);
  }
}

/** The next batch of a table's rows still carrying an email key, after `after` in key order. */
async function eraseBatch(
  conn: Database,
  table: "signature" | "letter",
  campaignId: string,
  after: string,
  cutoff: Date,
  batchSize: number,
  result: CampaignRetention,
): Promise<{ seen: number; last: string | null }> {
  return conn.transaction().execute(async (trx) => {
    const { rows } = await sql<Pick<Selectable<Signature>, "id" | "email_key">>`
      SELECT t.id, t.email_key FROM ${sql.table(table)} t
       WHERE t.campaign_id = ${campaignId} AND t.email_key > ${after}
         AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = ${campaignId} AND ${due(cutoff)}) -- not reopened since
       ORDER BY t.email_key
       LIMIT ${batchSize}
         FOR UPDATE OF t SKIP LOCKED`.execute(trx);
    const ids = rows.map((r) => r.id);
    const erased: Erasure = await erasePeople(
      trx,
      table === "signature" ? { signatureIds: ids } : { letterIds: ids },
      "expire",
      now(),
    );
    const tally = table === "signature" ? result.signatures : result.letters;
    for (const row of [...erased.signatures, ...erased.letters]) {
      if (row.fate === "deleted") tally.deleted += 1;
      else if (row.fate === "waiting") tally.waiting += 1;
      else tally.anonymised += 1;
    }
    return { seen: rows.length, last: rows.at(-1)?.email_key ?? null };
  });
}
