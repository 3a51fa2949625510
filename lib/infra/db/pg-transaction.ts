// Transactions on a raw pg connection, for statements not yet written with Kysely. New code uses transaction().
import type pg from "pg";
import { connectionIsSound, pool } from "./client";

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await transactionOn(client, () => work(client));
  } catch (err) {
    if (!connectionIsSound(err)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // A connection that timed out or was cut may still have a statement in flight: close it rather than reuse it.
    client.release(broken);
  }
}

/** Runs `work` in a transaction on a connection the caller holds (one that keeps a session lock, say). */
export async function transactionOn<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // On a cut or silent connection a ROLLBACK would only wait out another timeout; closing it rolls back anyway.
    if (connectionIsSound(err)) await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}
