// `npm start`: everything needed to run Open Letters on one machine, with no setup.
// - With no DATABASE_URL, an embedded Postgres (PGlite) kept in .data/pglite, served on a local port.
// - Applies migrations, seeds the flagship campaign once, builds if the build is missing or stale.
// - Runs the mail worker in this process (START_WORKER=false to run it separately with `npm run worker`).
// - Serves the app with `next start` (or `next dev` with --dev).
import { describeError } from "../log";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildIsStale } from "./build-status";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { createServer } from "node:net";

const root = resolve(import.meta.dirname, "../..");
const dataDir = join(root, ".data");
const devMode = process.argv.includes("--dev");

if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;

function log(line: string) {
  console.log(`[open-letters] ${line}`);
}

async function freePort(preferred: number): Promise<number> {
  for (let candidate = preferred; candidate < preferred + 50; candidate++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once("error", () => done(false)).once("listening", () => probe.close(() => done(true)));
      probe.listen(candidate, "127.0.0.1");
    });
    if (free) return candidate;
  }
  throw new Error(`no free port near ${preferred}`);
}

/** A development secret that survives restarts, so links in captured mail keep working. */
function developmentSecret(): string {
  const file = join(dataDir, "secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const dir = join(dataDir, "pglite");
  const pglite = await PGlite.create(dir);
  const pgPort = await freePort(Number(process.env.PGLITE_PORT ?? 54329));
  const server = new PGLiteSocketServer({ db: pglite, port: pgPort, host: "127.0.0.1", maxConnections: 100 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${pgPort}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

// Asynchronous on purpose: this process may host the embedded Postgres, which must keep answering the child.
function run(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: process.env });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`${what} failed (exit code ${code})`))));
  });
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  let embedded = false;

  if (!process.env.DATABASE_URL) {
    log("no DATABASE_URL: starting the embedded Postgres (PGlite) in .data/pglite …");
    const pg = await startEmbeddedPostgres();
    process.env.DATABASE_URL = pg.url;
    // PGlite runs one transaction at a time: a small pool per process is plenty.
    process.env.DATABASE_POOL_MAX ??= "4";
    cleanups.push(pg.stop);
    embedded = true;
  }
  if (!process.env.APP_SECRET && process.env.APP_ENV !== "production") process.env.APP_SECRET = developmentSecret();

  await run(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], "applying migrations");

  const { seed, demoOrganizerLine } = await import("../../prisma/seed");
  const seeded = await seed();
  if (seeded.created) log("seeded the flagship campaign");
  if (seeded.organizer) log(demoOrganizerLine(seeded.organizer));

  if (!devMode && buildIsStale(root)) {
    log("building the app (first start or changed sources) …");
    await run(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], "next build");
  }

  const { env, usesLocalMailbox } = await import("../env");
  if (process.env.START_WORKER !== "false") {
    const { startWorkers } = await import("../jobs/start-workers");
    await startWorkers();
    const { stopBoss } = await import("../jobs/boss");
    cleanups.unshift(stopBoss);
  }

  // With mail kept in the local mailbox (development), serve on this machine only: the mailbox holds everyone's mail.
  const host = usesLocalMailbox ? ["-H", process.env.HOST ?? "127.0.0.1"] : process.env.HOST ? ["-H", process.env.HOST] : [];
  const next: ChildProcess = spawn(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), devMode ? "dev" : "start", "-p", String(port), ...host],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );

  const campaignUrl = new URL("/en/c/human-rights-on-the-agenda", env.APP_URL);
  console.log("");
  log(`open the app:        ${env.APP_URL}  (flagship campaign: ${campaignUrl})`);
  if (usesLocalMailbox) log(`read captured mail:  ${new URL("/dev/mailbox", env.APP_URL)}  (files in ${env.MAILBOX_DIR})`);
  else log(`mail goes out through the SMTP relay ${env.SMTP_HOST ?? "(SMTP_URL)"}`);
  log(embedded ? "database: embedded PGlite in .data/pglite (set DATABASE_URL to use a real Postgres)" : "database: DATABASE_URL");
  console.log("");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => {});
    const { closeDb } = await import("../db");
    await closeDb().catch(() => {});
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
}

main().catch((err) => {
  console.error(`[open-letters] could not start: ${describeError(err)}`);
  process.exit(1);
});
