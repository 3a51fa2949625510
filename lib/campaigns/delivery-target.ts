// Where a campaign's deliveries go, read in one place: the scheduler, a retry and the delivery panel all ask here, so
// that a change in how targets are stored is made once. Reads inside the caller's transaction when given one.
import { db, type Database, type Transaction } from "@/lib/infra/db";

export async function deliveryTargetOf(campaignId: string, executor: Database | Transaction = db): Promise<string> {
  const row = await executor
    .selectFrom("campaign")
    .select("target_email")
    .where("id", "=", campaignId)
    .executeTakeFirstOrThrow();
  return row.target_email;
}
