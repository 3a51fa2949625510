// One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and the few hot paths that speak SQL.
import { logError } from "./log";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "./env";
import { AppError } from "./errors";

type Handles = { pool: pg.Pool; prisma: PrismaClient };
const globalForDb = globalThis as unknown as { openLettersDb?: Handles };

function connect(): Handles {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: env.DATABASE_POOL_MAX,
    // A Postgres that is down refuses at once; one that does not answer (network cut, host gone) must not hold a
    // request either: connecting and every query give up after these, and the request answers 503.
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    query_timeout: env.DATABASE_QUERY_TIMEOUT_SECONDS * 1000,
    // Finds connections whose peer vanished while idle, instead of handing them out.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: "open-letters",
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (err) => logError("db", "idle client error", err));
  // A checked-out connection that drops between two statements emits "error" with no one listening (the pool only
  // listens while it is idle), which would end the process. The statement in flight, or the next one, reports the
  // failure to its caller; the pool discards the connection when it comes back.
  pool.on("connect", (client) => client.on("error", () => {}));
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

function handles(): Handles {
  globalForDb.openLettersDb ??= connect();
  return globalForDb.openLettersDb;
}

// Connect on first use, not on import: `next build` imports these modules without a database.
function lazy<T extends object>(pick: (h: Handles) => T): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = pick(handles());
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const db = lazy((h) => h.prisma);
export const pool = lazy((h) => h.pool);

export async function closeDb(): Promise<void> {
  const h = globalForDb.openLettersDb;
  if (!h) return;
  globalForDb.openLettersDb = undefined;
  await h.prisma.$disconnect();
  await h.pool.end();
}

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

/** Whether a connection is still fit for reuse after `err`: Postgres answered it (a DatabaseError has a severity), or it is ours. */
export function connectionIsSound(err: unknown): boolean {
  const e = err as { severity?: unknown; name?: unknown } | null;
  return typeof e?.severity === "string" || e?.name === "AppError";
}

/** Commit only with at least this much of the deadline left: a COMMIT is quick, but its answer must arrive in time. */
const commitMarginMs = 250;

/**
 * Runs a request's write so that its 503 means nothing was stored. The work runs in a transaction whose statements
 * Postgres itself cancels at `deadline` (SET LOCAL statement_timeout: a statement waiting on a lock does not go on
 * after the request gave up), and it is committed only if its answer came in time; otherwise the connection is
 * closed, which rolls it back, and the request answers 503. `deadline` is a Date.now() value.
 */
export async function writeWithinDeadline<T>(
  deadline: number,
  /** `timeoutMs()`: what is left of the deadline. Give a statement a second more, so that Postgres cancels it first. */
  work: (client: pg.PoolClient, timeoutMs: () => number) => Promise<T>,
): Promise<T> {
  const unavailable = () => new AppError("service_unavailable", undefined, undefined, { retryAfter: 5 });
  const left = () => deadline - Date.now();
  const client = await pool.connect();
  let discard = false;
  try {
    if (left() <= commitMarginMs) throw unavailable();
    await client.query(timed(`BEGIN; SET LOCAL statement_timeout = ${Math.floor(left())}`, [], left()));
    const result = await work(client, () => Math.max(1, left()));
    if (left() <= commitMarginMs) throw unavailable();
    // Once COMMIT is sent its answer is awaited (up to the pool's query timeout): the outcome is then known.
    await client.query("COMMIT");
    return result;
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
