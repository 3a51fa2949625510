// The migration tooling (prisma/engine.ts, prisma/migrate.ts) against a real Postgres on 127.0.0.1 and the embedded
// Postgres: schema.prisma and prisma/migrations must agree, and applying them must behave like `prisma migrate deploy`.
// Every test makes its own databases and drops them. Loading prisma/engine.ts patches `pg` for the whole process
// (see that file), which is fine in a test worker.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";
import { describe, expect, it } from "vitest";

import {
  diffMigrationsToSchema,
  MIGRATIONS_DIR,
  PRISMA_DIR,
  readMigrations,
  readSchema,
  withTemporaryDatabase,
} from "../../prisma/engine";
import { removeEmbeddedData, startEmbeddedPostgres } from "../../lib/cli/embedded-postgres";
import { applyMigrations, pendingMigrations } from "../../prisma/migrate";

const SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** What `_prisma_migrations` must hold once everything is applied: one finished row per folder. */
async function expectedRows() {
  const { migrationDirectories } = await readMigrations();
  return migrationDirectories.map(({ path }) => ({
    migration_name: path,
    checksum: createHash("sha256")
      .update(readFileSync(join(MIGRATIONS_DIR, path, "migration.sql")))
      .digest("hex"),
    finished: true,
    rolled_back_at: null,
    applied_steps_count: 1,
  }));
}

const migrationRowsSql = `
  SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count
  FROM _prisma_migrations ORDER BY migration_name`;

/** The tables the schema maps its models to (`@@map`, else the model name). */
async function schemaTables(): Promise<string[]> {
  const { content } = await readSchema();
  const models = content.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  return [...models].map(([, name, body]) => /@@map\("([^"]+)"\)/.exec(body ?? "")?.[1] ?? name!).sort();
}

const publicTablesSql = `
  SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`;

describe("schema.prisma and prisma/migrations", () => {
  it("agree: replaying the migrations gives the database the schema describes", async () => {
    const pending = await diffMigrationsToSchema({
      shadowServerUrl: SERVER,
      migrations: await readMigrations(),
      schema: await readSchema(),
    });
    expect(
      pending,
      "schema.prisma changed without a migration: run `npm run db:migration:create -- <name>`",
    ).toBeNull();
  });

  it("the check fails when they do not agree (a model added to the schema only)", async () => {
    const schema = await readSchema();
    const changed = {
      ...schema,
      content: `${schema.content}\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n`,
    };
    const pending = await diffMigrationsToSchema({
      shadowServerUrl: SERVER,
      migrations: await readMigrations(),
      schema: changed,
    });
    expect(pending).toContain('CREATE TABLE "drift_probe"');
  });

  it("keeps the standard layout that native `prisma migrate deploy` reads", async () => {
    const { lockfile, migrationDirectories } = await readMigrations();
    expect(lockfile.content).toMatch(/^provider = "postgresql"$/m);
    expect(migrationDirectories.length).toBeGreaterThan(0);
    for (const { path, migrationFile } of migrationDirectories) {
      expect(path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(migrationFile.content.tag).toBe("ok");
    }
  });
});

describe("applying the migrations (prisma/migrate.ts)", () => {
  it("creates the tables and the _prisma_migrations rows on a fresh database; a second run is a no-op", async () => {
    await withTemporaryDatabase(SERVER, "migrations_test", async (url) => {
      const rows = await expectedRows();

      const first = await applyMigrations(url);
      expect(first.applied).toEqual(rows.map((row) => row.migration_name));
      const tables = (await query<{ table_name: string }>(url, publicTablesSql)).map((row) => row.table_name);
      expect(tables).toEqual(await schemaTables());
      expect(await query(url, migrationRowsSql)).toEqual(rows);
      const startedBefore = await query(url, "SELECT migration_name, started_at FROM _prisma_migrations");

      const second = await applyMigrations(url);
      expect(second.applied).toEqual([]);
      expect(await query(url, migrationRowsSql)).toEqual(rows);
      expect(await query(url, "SELECT migration_name, started_at FROM _prisma_migrations")).toEqual(startedBefore);
    });
  });

  it("applies once when several runs race on the same fresh database", async () => {
    await withTemporaryDatabase(SERVER, "migrations_test", async (url) => {
      const rows = await expectedRows();
      const runs = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
      const applied = runs.map((run) => run.applied).filter((names) => names.length > 0);
      expect(applied).toEqual([rows.map((row) => row.migration_name)]);
      expect(await query(url, migrationRowsSql)).toEqual(rows);
    });
  });

  it("as a command: exit code 0 and one summary line, then 'up to date'; exit code 1 and one line without DATABASE_URL", async () => {
    await withTemporaryDatabase(SERVER, "migrations_test", async (url) => {
      const run = (env: NodeJS.ProcessEnv) =>
        spawnSync(process.execPath, ["--import", "tsx", join(PRISMA_DIR, "migrate.ts")], { env, encoding: "utf8" });
      const lines = (text: string) => text.trim().split("\n").filter(Boolean);

      const first = run({ ...process.env, DATABASE_URL: url });
      expect(first.status, first.stderr).toBe(0);
      expect(lines(first.stdout)).toHaveLength(1);
      expect(first.stdout).toMatch(/applied \d+ migration/);

      const second = run({ ...process.env, DATABASE_URL: url });
      expect(second.status, second.stderr).toBe(0);
      expect(lines(second.stdout)).toEqual([expect.stringMatching(/up to date, no migration applied/)]);

      const { DATABASE_URL: _unset, ...withoutUrl } = process.env;
      const missing = run({ ...withoutUrl, EMBEDDED_POSTGRES_DIR: join(tmpdir(), "open-letters-no-server") });
      expect(missing.status).toBe(1);
      expect(lines(missing.stderr)).toEqual([expect.stringMatching(/DATABASE_URL is not set/)]);
    });
  });

  it("works on the embedded Postgres that `npm start` runs without DATABASE_URL, and knows what is pending", async () => {
    mkdirSync(join(PRISMA_DIR, "..", ".data"), { recursive: true });
    const parent = mkdtempSync(join(PRISMA_DIR, "..", ".data", "test-embedded-"));
    chmodSync(parent, 0o755); // the server may run as the `postgres` user, which must reach its folder
    const server = await startEmbeddedPostgres({
      dataDir: join(parent, "postgres"),
      preferredPort: 55400,
      log: () => {},
    });
    try {
      const rows = await expectedRows();
      expect(await pendingMigrations(server.url)).toEqual(rows.map((row) => row.migration_name));
      expect((await applyMigrations(server.url)).applied).toEqual(rows.map((row) => row.migration_name));
      expect((await query<{ table_name: string }>(server.url, publicTablesSql)).map((row) => row.table_name)).toEqual(
        await schemaTables(),
      );
      expect(await query(server.url, migrationRowsSql)).toEqual(rows);
      expect(await pendingMigrations(server.url)).toEqual([]);
      expect((await applyMigrations(server.url)).applied).toEqual([]);
    } finally {
      await server.stop();
      removeEmbeddedData(join(parent, "postgres"));
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
