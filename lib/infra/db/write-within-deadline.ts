// A request's write whose 503 means nothing was stored: Postgres cancels it at the request's deadline, and it is
// committed only if its answer came back in time.
import type { CompiledQuery, QueryExecutorProvider } from "kysely";
import type pg from "pg";
import { AppError } from "@/lib/infra/errors";
import { db, pool } from "./client";

/** A Kysely query or `sql` statement, compiled against the app's database. */
export type Statement<R> = { compile(executorProvider: QueryExecutorProvider): CompiledQuery<R> };

/** Commit only with at least this much of the deadline left: a COMMIT is quick, but its answer must arrive in time. */
const commitMarginMs = 250;

/**
 * Runs a request's write so that its 503 means nothing was stored. The work runs in a transaction whose statements
 * Postgres itself cancels at `deadline` (SET LOCAL statement_timeout: a statement waiting on a lock does not go on
 * after the request gave up), and it is committed only if its answer came in time; otherwise the connection is
 * closed, which rolls it back, and the request answers 503. `deadline` is a Date.now() value.
 */
export async function writeWithinDeadline<R>(deadline: number, statement: Statement<R>): Promise<R[]> {
  const unavailable = () => new AppError("service_unavailable", undefined, undefined, { retryAfter: 5 });
  const left = () => deadline - Date.now();
  const client = await pool.connect();
  let discard = false;
  try {
    if (left() <= commitMarginMs) throw unavailable();
    await client.query(timed(`BEGIN; SET LOCAL statement_timeout = ${Math.floor(left())}`, [], left()));
    const { sql, parameters } = statement.compile(db);
    // A second more than the deadline on this side, so that Postgres cancels the statement first.
    const { rows } = await client.query<R & pg.QueryResultRow>(timed(sql, [...parameters], left() + 1000));
    if (left() <= commitMarginMs) throw unavailable();
    // Once COMMIT is sent its answer is awaited (up to the pool's query timeout): the outcome is then known.
    await client.query("COMMIT");
    return rows;
  } catch (err) {
    discard = true;
    // 57014: Postgres cancelled the statement at the deadline; the transaction is gone with the connection.
    if ((err as { code?: string }).code === "57014") throw unavailable();
    throw err;
  } finally {
    client.release(discard);
  }
}

/** A query that gives up waiting after `timeoutMs` instead of the pool's query timeout (pg reads it per query). */
export function timed(text: string, values: unknown[], timeoutMs: number): pg.QueryConfig {
  return Object.assign({ text, values }, { query_timeout: timeoutMs });
}
