// `npm start`: everything needed to run Open Letters on one machine, with no setup.
// - Refuses unsafe production settings by name, before touching the database.
// - With no DATABASE_URL, a real embedded Postgres kept in .data/postgres (lib/cli/embedded-postgres.ts).
// - Development applies migrations and seeds the demo; production only checks that `npm run db:migrate` has run.
// - Builds if the build is missing or stale, runs the mail worker (START_WORKER=false to run it apart), serves.
// - Everything it and its children write comes out as log records of this process (lib/infra/log.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describeError, logger } from "@/lib/infra/log";
import { routeConsole } from "@/lib/infra/log-console";
import { buildIsStale } from "./build-status";
import { refuseKnownSecret } from "./check-production-secret";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { developmentSecret, embeddedDataDir, projectRoot as root } from "./local-database";
import { logProcessWarnings, relayOutput } from "./relay-output";

const dataDir = join(root, ".data");
const devMode = process.argv.includes("--dev");

if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;
const production = process.env.APP_ENV === "production";
const startLog = logger("start");
const log = (line: string) => startLog.info(line);
logProcessWarnings();
routeConsole("start");

/** A child process whose output is relayed as records of `component`; its own records keep theirs. */
function spawnLogged(command: string, args: string[], component: string) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_FORMAT: "json" },
  });
  return { child, relayed: relayOutput(child, component) };
}

// Asynchronous on purpose: the embedded Postgres is stopped by this process, which must stay responsive.
function run(command: string, args: string[], what: string, component: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const { child, relayed } = spawnLogged(command, args, component);
    child.once("error", reject);
    child.once("exit", (code) => {
      const result = code === 0 ? null : new Error(`${what} failed (exit code ${code})`);
      void relayed.then(() => (result ? reject(result) : resolvePromise()));
    });
  });
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!production && !process.env.APP_SECRET) process.env.APP_SECRET = developmentSecret();
  // Every key is checked before anything starts: production refuses unsafe settings, naming the key.
  const { parseEnv } = await import("@/lib/infra/env-schema");
  parseEnv(process.env);
  refuseKnownSecret();

  // Stopped in this order: the worker's queue, the app's connections, then the database they use.
  const cleanups: (() => Promise<void> | void)[] = [];
  let stopDatabase: () => Promise<void> = async () => {};
  let embedded: string | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = embeddedDataDir();
    log(`no DATABASE_URL: starting the embedded Postgres (data in ${embedded}) …`);
    const started = performance.now();
    const pg = await startEmbeddedPostgres({
      dataDir: embedded,
      preferredPort: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      log,
    });
    log(`embedded Postgres ready on 127.0.0.1:${pg.port} (${Math.round(performance.now() - started)} ms)`);
    process.env.DATABASE_URL = pg.url;
    stopDatabase = pg.stop;
  }

  try {
    await prepareDatabase();
    if (!devMode && buildIsStale(root)) {
      log("building the app (first start or changed sources) …");
      await run(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], "next build", "next");
    }
  } catch (err) {
    await stopDatabase().catch(() => {});
    throw err;
  }

  const { env, usesLocalMailbox } = await import("@/lib/infra/env");
  if (process.env.START_WORKER !== "false") {
    const { startWorkers } = await import("@/lib/worker/start-workers");
    await startWorkers();
    const { stopBoss } = await import("@/lib/infra/queue/boss");
    cleanups.push(stopBoss);
  }

  // With mail kept in the local mailbox (development), serve on this machine only: the mailbox holds everyone's mail.
  const host = usesLocalMailbox
    ? ["-H", process.env.HOST ?? "127.0.0.1"]
    : process.env.HOST
      ? ["-H", process.env.HOST]
      : [];
  // Next's own output (its banner, the errors it prints) and our records from its process come out as records here.
  const { child: next, relayed } = spawnLogged(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), devMode ? "dev" : "start", "-p", String(port), ...host],
    "next",
  );

  const campaignUrl = new URL("/en/c/human-rights-on-the-agenda", env.APP_URL);
  log(`open the app:        ${env.APP_URL}${production ? "" : `  (flagship campaign: ${campaignUrl})`}`);
  if (usesLocalMailbox)
    log(`read captured mail:  ${new URL("/dev/mailbox", env.APP_URL)}  (files in ${env.MAILBOX_DIR})`);
  else log(`mail goes out through the SMTP relay ${env.SMTP_HOST ?? "(SMTP_URL)"}`);
  log(
    embedded
      ? `database: embedded Postgres in ${embedded} (set DATABASE_URL to use your own)`
      : "database: DATABASE_URL",
  );

  // Ctrl-C: the app and the worker stop first, then the database they use.
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    if (next.exitCode === null) await new Promise((resolve) => next.once("exit", resolve));
    await relayed;
    const { closeDb } = await import("@/lib/infra/db");
    for (const cleanup of [...cleanups, closeDb, stopDatabase]) {
      await Promise.resolve(cleanup()).catch((err) => startLog.warn("while stopping", { err }));
    }
    if (embedded) log(`embedded Postgres stopped; its data stays in ${embedded}`);
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  process.on("SIGINT", () => void stop(0)); // "on": a second signal (tsx relays the terminal's) must not kill mid-stop
  process.on("SIGTERM", () => void stop(0));
}

/** Development brings the database up to date and seeds the demo; production never seeds, and runs migrations apart. */
async function prepareDatabase(): Promise<void> {
  const { pendingMigrations } = await import("../../prisma/migrate");
  if (production) {
    const pending = await pendingMigrations(process.env.DATABASE_URL!);
    if (pending.length > 0) {
      throw new Error(
        `run \`npm run db:migrate\` first: ${pending.length} migration(s) not applied (${pending.join(", ")})`,
      );
    }
    return;
  }
  await run(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], "applying migrations", "migrate");
  const { seed, demoOrganizerLine } = await import("../../prisma/seed");
  const seeded = await seed();
  if (seeded.created) log("seeded the flagship campaign");
  if (seeded.organizer) log(demoOrganizerLine(seeded.organizer));
}

main().catch((err) => {
  // Refused settings are listed one per line for the operator at the terminal; they name keys, never values.
  if (err instanceof Error && err.message.startsWith("Invalid environment"))
    process.stderr.write(`open-letters could not start: ${err.message}\n`);
  else startLog.error(`could not start: ${describeError(err)}`);
  process.exit(1);
});
