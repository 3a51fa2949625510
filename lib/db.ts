// One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and the few hot paths that speak SQL.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl, env } from "./env";

type Handles = { pool: pg.Pool; prisma: PrismaClient };
const globalForDb = globalThis as unknown as { openLettersDb?: Handles };

function connect(): Handles {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: "open-letters",
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
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
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
