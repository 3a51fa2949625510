// The one way to run statements together: a Kysely transaction, which the builder, the `sql` tag and the job
// queue (lib/infra/queue/boss.ts, onTransaction) all join. Committed when `work` returns, rolled back when it throws.
import type { Transaction as KyselyTransaction } from "kysely";
import type { DB } from "@/lib/generated/kysely/types";
import { db } from "./client";

export type Transaction = KyselyTransaction<DB>;

export function transaction<T>(work: (trx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
