// Everything a worker process runs: the outbox's two lanes of send loops (own mail, and deliveries to targets) with
// every feature's mail kinds, each feature's scheduled jobs, and (BOUNCE_SMTP_PORT) the bounce receiver.
import { startBounceReceiver } from "@/lib/infra/outbox/inbound-server";
import { OutboxWorker } from "@/lib/infra/outbox/outbox-worker";
import { workOutbox } from "@/lib/infra/outbox/work-outbox";
import { startDeliveryTicks } from "@/lib/delivery/worker";
import { startAbuseWorker } from "@/lib/integrity/worker";
import { startRetentionWorker } from "@/lib/privacy/worker";
import { startUpdateTicks } from "@/lib/updates/worker";
import { mailKinds } from "./mail-kinds";

type Options = { pollingIntervalSeconds?: number };

/** Signers', writers' and organizers' own mail: the lane's send loops. */
export function startMailWorker(options: Options = {}, worker = new OutboxWorker()) {
  return workOutbox("own", { kinds: mailKinds, worker, pollMs: pollMs(options) });
}

export async function startWorkers(options: Options = {}): Promise<void> {
  // One worker id for both lanes: what it takes back after an outage is whatever it had in hand.
  const worker = new OutboxWorker();
  await startDeliveryTicks(options);
  await startRetentionWorker(options);
  await startAbuseWorker(options);
  await startUpdateTicks(options);
  await startBounceReceiver();
  // Last: a worker that sends has finished starting (a database that goes away from here on is waited out).
  startMailWorker(options, worker);
  workOutbox("delivery", { kinds: mailKinds, worker, pollMs: pollMs(options) });
}

function pollMs(options: Options): number | undefined {
  return options.pollingIntervalSeconds === undefined ? undefined : options.pollingIntervalSeconds * 1000;
}
