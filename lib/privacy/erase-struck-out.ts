// Striking out a signature erases nothing, so that a restore puts it back as it was (a false alarm must cost the
// signer nothing). Once RETENTION_INVALIDATED_DAYS pass without a restore, this erases it through the one erasure:
// the row stays, anonymous and uncounted, as evidence, and restore-invalidation.ts refuses from then on.
import { now } from "@/lib/infra/clock";
import { db, transaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { erasePeople } from "./erase-person";

/** When an invalidation made at `invalidatedAt` can no longer be restored. */
export function restorableUntil(invalidatedAt: Date, days = env.RETENTION_INVALIDATED_DAYS): Date {
  return new Date(invalidatedAt.getTime() + days * 86_400_000);
}

export async function eraseStruckOut(options: { days?: number; batchSize?: number } = {}): Promise<number> {
  const days = options.days ?? env.RETENTION_INVALIDATED_DAYS;
  const batchSize = options.batchSize ?? env.RETENTION_BATCH_SIZE;
  const struckOutBefore = new Date(now().getTime() - days * 86_400_000);
  // Per campaign, so each batch reads the (campaign_id, status, …) index; struck-out signatures are few.
  const campaigns = await db.selectFrom("campaign").select("id").orderBy("id").execute();
  let erased = 0;
  for (const { id } of campaigns) {
    for (;;) {
      const n = await eraseBatch(id, struckOutBefore, batchSize);
      erased += n;
      if (n < batchSize) break;
    }
  }
  return erased;
}

async function eraseBatch(campaignId: string, struckOutBefore: Date, batchSize: number): Promise<number> {
  return transaction(async (trx) => {
    const rows = await trx
      .selectFrom("signature")
      .select("id")
      .where("campaign_id", "=", campaignId)
      .where("status", "=", "invalidated")
      .where("email_key", "is not", null)
      .where("invalidated_at", "<=", struckOutBefore)
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    const erasure = await erasePeople(trx, { signatureIds: rows.map((r) => r.id) }, "expire", now());
    return erasure.signatures.filter((s) => s.fate === "anonymised").length;
  });
}
