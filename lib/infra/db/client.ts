// One pg pool per process. The app speaks to it through Kysely (`db`, row types generated from schema.prisma);
// Prisma Client (`prisma`) shares the pool only for better-auth's adapter (see ARCHITECTURE.md).
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { DB } from "@/lib/generated/kysely/types";
import { databaseUrl, env } from "@/lib/infra/env";
import { logError } from "@/lib/infra/log";

export type Database = Kysely<DB>;
type Handles = { pool: pg.Pool; prisma: PrismaClient; db: Database };
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
  return {
    pool,
    prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
    db: new Kysely<DB>({ dialect: new PostgresDialect({ pool: soundConnections(pool) }) }),
  };
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

/** The query layer: Kysely over the pool. */
export const db: Database = lazy((h) => h.db);
/** Prisma Client, for better-auth's adapter only. */
export const prisma = lazy((h) => h.prisma);
export const pool = lazy((h) => h.pool);

export async function closeDb(): Promise<void> {
  const h = globalForDb.openLettersDb;
  if (!h) return;
  globalForDb.openLettersDb = undefined;
  await h.prisma.$disconnect();
  await h.pool.end();
}

/** Whether a connection is still fit for reuse after `err`: Postgres answered it (a DatabaseError has a severity), or it is ours. */
export function connectionIsSound(err: unknown): boolean {
  const e = err as { severity?: unknown; name?: unknown } | null;
  return typeof e?.severity === "string" || e?.name === "AppError";
}

/**
 * The pool as Kysely sees it: a connection that timed out or was cut (it may still have a statement in flight) is
 * closed when released instead of going back to the pool.
 */
function soundConnections(pool: pg.Pool) {
  return {
    connect: async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      const query = (...args: unknown[]) => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (!(result instanceof Promise)) return result; // a cursor (streamed rows) reports on its own
        return result.catch((err: unknown) => {
          if (!connectionIsSound(err)) broken = err instanceof Error ? err : new Error(String(err));
          throw err;
        });
      };
      return Object.assign(Object.create(client) as pg.PoolClient, { query, release: () => client.release(broken) });
    },
    end: () => pool.end(),
    options: pool.options,
  };
}
