// Creates the integration tests' own database afresh and applies the migrations, once per run.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { testDatabaseUrl } from "../../vitest.config";

export default async function setup() {
  const url = new URL(testDatabaseUrl);
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname)) {
    throw new Error(`refusing to run integration tests against ${url.hostname}: use a local Postgres`);
  }
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
}
