/**
 * `npm run db:migration:create -- <name>`: what `prisma migrate dev --create-only` does, without the native engine.
 *
 * Replays prisma/migrations on a temporary shadow database, diffs the result against prisma/schema.prisma and writes
 * the difference as prisma/migrations/<timestamp>_<name>/migration.sql (plus migration_lock.toml if missing). Nothing
 * is applied: review the SQL, edit it if needed, then `npm run db:migrate`.
 *
 * SHADOW_DATABASE_URL: a Postgres server (any database on it) on which the shadow database may be created and
 * dropped; default postgresql://postgres@127.0.0.1:5432/postgres. The embedded server is not used here.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";

import {
  createMigrationWithEngine,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  readMigrations,
  readSchema,
} from "./engine";

const DEFAULT_SHADOW_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Folder names end up in `_prisma_migrations.migration_name`: keep them to what Prisma's CLI produces. */
function slug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<void> {
  const name = slug(process.argv.slice(2).join(" "));
  if (!name) throw new Error("usage: npm run db:migration:create -- <name>   (e.g. add_signature_source)");

  const migrations = await readMigrations();
  const schema = await readSchema();
  const { folder, script } = await createMigrationWithEngine({
    shadowServerUrl: process.env.SHADOW_DATABASE_URL || DEFAULT_SHADOW_SERVER,
    migrations,
    schema,
    name,
  });
  if (script === null) {
    console.log("no changes: prisma/schema.prisma matches prisma/migrations");
    return;
  }

  const dir = join(MIGRATIONS_DIR, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), script);
  const lockPath = join(MIGRATIONS_DIR, LOCKFILE_NAME);
  if (!existsSync(lockPath)) await writeFile(lockPath, LOCKFILE_CONTENT);
  console.log(`created ${relative(process.cwd(), join(dir, "migration.sql"))}: review it, then npm run db:migrate`);
}

main().catch((error: unknown) => {
  console.error(`db:migration:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
