/**
 * `npm run db:migrate`: what `prisma migrate deploy` does, without the native engine.
 *
 * Applies the folders of prisma/migrations that the database of DATABASE_URL has not recorded yet, in order, through
 * Prisma's WebAssembly schema engine (prisma/engine.ts). The engine writes the standard `_prisma_migrations` rows
 * (checksum = sha256 hex of migration.sql), so `prisma migrate status|deploy` on a machine with the native engine
 * agree with it. Runs against real Postgres and against the app's embedded PGlite socket server.
 *
 * The app's start script runs this as a child process: exit code 0 and one summary line on success, exit code 1
 * and one error line otherwise. Running it twice is harmless (the second run applies nothing). Each migration.sql
 * runs as one implicit transaction: a failing one leaves no half-applied changes, only its failed row.
 *
 * Two runs at once: on Postgres the engine holds `pg_advisory_lock(72707369)` (the native engine's lock), so one
 * applies and the others wait, then find nothing to do; a run that waits more than 10 s gives up with an error
 * (as native Prisma does) without applying anything. PGlite is one Postgres session shared by all its clients, so
 * that lock excludes nothing there: an overlapping run may stop on seeing the other's unfinished row (harmless), but
 * two runs that read `_prisma_migrations` before either records a start would both apply. Run one at a time against
 * PGlite (the start script runs it before anything else connects).
 *
 * `applyMigrations()` is exported for tests and tools. Importing this module runs nothing and does not load the
 * engine (whose `pg` patch is process-global); calling it does.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Applies pending migrations to `databaseUrl`; returns the names of those it applied (empty when up to date). */
export async function applyMigrations(databaseUrl: string): Promise<{ applied: string[] }> {
  const { applyMigrationsWithEngine, MIGRATIONS_DIR, readMigrations } = await import("./engine");
  const migrations = await readMigrations();
  // An empty or missing folder means a broken checkout or image, not "nothing to do": the app would start on a
  // database without tables.
  if (migrations.migrationDirectories.length === 0) throw new Error(`no migrations found in ${MIGRATIONS_DIR}`);
  return { applied: await applyMigrationsWithEngine(databaseUrl, migrations) };
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
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set (e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres)");
  }
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
