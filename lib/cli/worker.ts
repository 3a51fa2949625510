// `npm run worker`: the mail and delivery worker as its own process, for production. Run as many as you like.
import { logError } from "../log";
import { startWorkers } from "../jobs/start-workers";
import { stopBoss } from "../jobs/boss";
import { closeDb } from "../db";
import { closeMailTransport } from "../mail/transport";

async function main() {
  await startWorkers();
  console.log("[worker] sending queued mail and deliveries");
  const stop = async (signal: string) => {
    console.log(`[worker] ${signal}: finishing current messages`);
    await stopBoss();
    closeMailTransport();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  logError("worker", "could not start", err);
  process.exit(1);
});
