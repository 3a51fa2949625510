// Deletes signatures and letters never confirmed (pending, or suspected and never emailed) whose link expired more
// than RETENTION_UNCONFIRMED_DAYS ago, in any campaign: nobody can confirm them, so their data would be kept for
// nothing. Short batches through the one erasure; rows another worker holds are skipped (SKIP LOCKED) for the next run.
import { now } from "@/lib/infra/clock";
import { db, transaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { erasePeople } from "./erase-person";

export type PurgeResult = { signatures: number; letters: number };

export async function purgeUnconfirmed(options: { days?: number; batchSize?: number } = {}): Promise<PurgeResult> {
  const days = options.days ?? env.RETENTION_UNCONFIRMED_DAYS;
  const batchSize = options.batchSize ?? env.RETENTION_BATCH_SIZE;
  const expiredBefore = new Date(now().getTime() - days * 86_400_000);
  // Per campaign, so each batch reads the (campaign_id, status, …) index instead of the whole table.
  const campaigns = await db.selectFrom("campaign").select("id").where("status", "<>", "draft").orderBy("id").execute();
  const result: PurgeResult = { signatures: 0, letters: 0 };
  for (const { id } of campaigns) {
    for (const table of ["signature", "letter"] as const) {
      for (;;) {
        const deleted = await purgeBatch(table, id, expiredBefore, batchSize);
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
  expiredBefore: Date,
  batchSize: number,
): Promise<number> {
  return transaction(async (trx) => {
    const rows = await trx
      .selectFrom(table)
      .select("id")
      .where("campaign_id", "=", campaignId)
      .where("status", "in", ["pending", "suspected"])
      .where("confirm_token_expires_at", "<", expiredBefore)
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    // Never-confirmed rows are deleted, and were never counted.
    const erased = await erasePeople(
      trx,
      table === "signature" ? { signatureIds: ids } : { letterIds: ids },
      "expire",
      now(),
    );
    return [...erased.signatures, ...erased.letters].filter((r) => r.fate === "deleted").length;
  });
}
