/**
 * `npm run db:migrate`: what `prisma migrate deploy` does, without the native engine. In production this is the one
 * migration step (app servers never migrate on start); run it from as many servers at once as you like.
 *
 * Applies the folders of prisma/migrations that the database of DATABASE_URL has not recorded yet, in order, through
 * Prisma's WebAssembly schema engine (prisma/engine.ts). The engine writes the standard `_prisma_migrations` rows
 * (checksum = sha256 hex of migration.sql), so `prisma migrate status|deploy` on a machine with the native engine
 * agree with it. Exit code 0 and one summary line on success, exit code 1 and one error line otherwise. Each
 * migration.sql runs as one implicit transaction: a failing one leaves no half-applied changes, only its failed row.
 *
 * Many runs at once: each first takes a session advisory lock of its own (`migrationLockKey`) and waits for it as
 * long as it takes (up to MIGRATE_LOCK_TIMEOUT_SECONDS, default 600), so one run applies and the others then find
 * nothing to do. (The engine's own lock gives up after 10 s, which a long migration elsewhere would exceed.)
 *
 * `applyMigrations()` and `pendingMigrations()` are exported for the start script, tests and tools. Importing this
 * module runs nothing and does not load the engine (whose `pg` patch is process-global); applying does.
 */
import { readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

/** The advisory lock every `db:migrate` run holds while it applies (distinct from the engine's 72707369). */
export const migrationLockKey = 727073690;

/** The migration folders the database has not finished applying, in order (no engine needed). */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const dir = join(import.meta.dirname, "migrations");
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0].present) return folders;
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return folders.filter((f) => !applied.has(f));
  } finally {
    await client.end();
  }
}

/** Applies pending migrations to `databaseUrl`; returns the names of those it applied (empty when up to date). */
export async function applyMigrations(
  databaseUrl: string,
  options: { lockTimeoutSeconds?: number } = {},
): Promise<{ applied: string[] }> {
  const { applyMigrationsWithEngine, MIGRATIONS_DIR, readMigrations } = await import("./engine");
  const migrations = await readMigrations();
  // An empty or missing folder means a broken checkout or image, not "nothing to do": the app would start on a
  // database without tables.
  if (migrations.migrationDirectories.length === 0) throw new Error(`no migrations found in ${MIGRATIONS_DIR}`);
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    const timeout = Math.round(
      (options.lockTimeoutSeconds ?? Number(process.env.MIGRATE_LOCK_TIMEOUT_SECONDS ?? 600)) * 1000,
    );
    await lock.query(`SET lock_timeout = ${timeout}`);
    await lock.query("SELECT pg_advisory_lock($1)", [migrationLockKey]).catch((err: { code?: string }) => {
      if (err.code === "55P03")
        throw new Error("another migration run held the migration lock for too long: retry when it is done");
      throw err;
    });
    return { applied: await applyMigrationsWithEngine(databaseUrl, migrations) };
  } finally {
    await lock.end();
  }
}

/** For log lines: user, password and query string are none of the reader's business. */
function describe(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

async function main(): Promise<void> {
  const { toolDatabaseUrl } = await import("../lib/cli/local-database");
  const databaseUrl = toolDatabaseUrl();
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL must be a postgresql:// connection string");
  }
  const started = performance.now();
  const { applied } = await applyMigrations(databaseUrl);
  const took = `${Math.round(performance.now() - started)} ms`;
  if (applied.length === 0) {
    console.log(`db:migrate: ${describe(databaseUrl)} is up to date, no migration applied (${took})`);
  } else {
    const list = applied.join(", ");
    console.log(`db:migrate: applied ${applied.length} migration(s) to ${describe(databaseUrl)}: ${list} (${took})`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    // One line: the caller (the app's start script, CI) shows it as is. Engine messages span several lines.
    let message = error instanceof Error ? error.message : String(error);
    // The engine reports its 10 s advisory-lock timeout as a generic one.
    if (message.includes("was reached but timed out")) {
      message += " (if another migration run is in progress, it holds the migration lock: retry when it is done)";
    }
    console.error(`db:migrate failed: ${message.replace(/\s*\n\s*/g, " | ")}`);
    process.exitCode = 1;
  });
}
