// Creates the integration tests' own databases afresh and applies the migrations, once per run.
import { spawn } from "node:child_process";
import pg from "pg";
import { testDatabaseUrl, workerTestDatabaseUrl } from "../../vitest.config";

export default async function setup() {
  await Promise.all([testDatabaseUrl, workerTestDatabaseUrl].map(createMigrated));
}

async function createMigrated(databaseUrl: string) {
  const url = new URL(databaseUrl);
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
  const migrate = spawn(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let output = "";
  migrate.stdout.on("data", (d) => (output += d));
  migrate.stderr.on("data", (d) => (output += d));
  const status = await new Promise<number | null>((resolve) => migrate.on("close", resolve));
  if (status !== 0) throw new Error(`migrations of ${name} failed:\n${output}`);
}
