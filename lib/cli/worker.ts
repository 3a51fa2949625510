// `npm run worker`: the mail and delivery worker as its own process, for production. Run as many as you like.
import { describeError, logger } from "@/lib/infra/log";
import { routeConsole } from "@/lib/infra/log-console";
import { refuseKnownSecret } from "./check-production-secret";
import { developmentSecret, toolDatabaseUrl } from "./local-database";
import { logProcessWarnings } from "./relay-output";

const log = logger("worker");
logProcessWarnings();
routeConsole("worker");

async function main() {
  if (process.env.APP_ENV !== "production" && !process.env.APP_SECRET) process.env.APP_SECRET = developmentSecret();
  refuseKnownSecret();
  toolDatabaseUrl();
  const { startWorkers } = await import("@/lib/worker/start-workers");
  const { stopBoss } = await import("@/lib/infra/queue/boss");
  const { closeDb } = await import("@/lib/infra/db");
  const { closeMailTransport } = await import("@/lib/infra/mail/transport");
  await startWorkers();
  log.info("sending queued mail and deliveries");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing current messages`);
    await stopBoss();
    closeMailTransport();
    await closeDb();
    process.exit(0);
  };
  // "on", not "once": a second signal (tsx relays the terminal's) must not end the process mid-stop.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  // Refused settings are listed one per line for the operator at the terminal; they name keys, never values.
  if (err instanceof Error && err.message.startsWith("Invalid environment"))
    process.stderr.write(`worker could not start: ${err.message}\n`);
  else log.error(`could not start: ${describeError(err)}`);
  process.exit(1);
});
