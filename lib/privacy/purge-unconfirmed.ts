// Deletes signatures and letters that were never confirmed and whose confirmation link expired more than
// RETENTION_UNCONFIRMED_DAYS ago, in any campaign: nobody can confirm them any more, so their personal data would be
// kept for nothing. Batches of RETENTION_BATCH_SIZE rows, each its own short transaction; rows another worker holds
// are skipped (SKIP LOCKED) and left for the next run, so any number of workers may run this at once.
import { pool, withTransaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { eraseOwnMail } from "./erase-own-mail";

export type PurgeResult = { signatures: number; letters: number };

export async function purgeUnconfirmed(options: { days?: number; batchSize?: number } = {}): Promise<PurgeResult> {
  const days = options.days ?? env.RETENTION_UNCONFIRMED_DAYS;
  const batchSize = options.batchSize ?? env.RETENTION_BATCH_SIZE;
  // Per campaign, so each batch reads the (campaign_id, status, …) index instead of the whole table.
  const { rows: campaigns } = await pool.query<{ id: string }>(
    `SELECT id FROM campaign WHERE status <> 'draft' ORDER BY id`,
  );
  const result: PurgeResult = { signatures: 0, letters: 0 };
  for (const { id } of campaigns) {
    for (const table of ["signature", "letter"] as const) {
      for (;;) {
        const deleted = await purgeBatch(table, id, days, batchSize);
        result[table === "signature" ? "signatures" : "letters"] += deleted;
        if (deleted < batchSize) break;
      }
    }
  }
  return result;
}

async function purgeBatch(
  table: "signature" | "letter",
  campaignId: string,
  days: number,
  batchSize: number,
): Promise<number> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM ${table}
        WHERE campaign_id = $1 AND status = 'pending' AND confirm_token_expires_at < now() - make_interval(days => $2::int)
        LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [campaignId, days, batchSize],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    await eraseOwnMail(client, table === "signature" ? { signatureIds: ids } : { letterIds: ids });
    // Pending rows were never counted: the count shards stay as they are.
    await client.query(`DELETE FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return ids.length;
  });
}
