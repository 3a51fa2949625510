// Everything a worker process runs: the outbox's two send loops (own mail, and deliveries to targets) with every
// feature's mail kinds, the outbox relay, each feature's scheduled jobs, and (BOUNCE_SMTP_PORT) the bounce receiver.
import { env } from "@/lib/infra/env";
import { startBounceReceiver } from "@/lib/infra/outbox/inbound-server";
import { startOutboxRelay } from "@/lib/infra/outbox/relay-outbox";
import { workOutbox } from "@/lib/infra/outbox/work-outbox";
import { queues } from "@/lib/infra/queue/boss";
import { startDeliveryTicks } from "@/lib/delivery/worker";
import { startAbuseWorker } from "@/lib/integrity/worker";
import { startRetentionWorker } from "@/lib/privacy/worker";
import { mailKinds } from "./mail-kinds";

type Options = { pollingIntervalSeconds?: number };

/** Signers', writers' and organizers' own mail: the send loop, and the relay that queues what signatures wrote. */
export async function startMailWorker(options: Options = {}): Promise<void> {
  await workOutbox(queues.mailSend, { retryLimit: env.MAIL_SEND_ATTEMPTS - 1, kinds: mailKinds, ...options });
  startOutboxRelay();
}

export async function startWorkers(options: Options = {}): Promise<void> {
  await startMailWorker(options);
  await workOutbox(queues.deliverySend, { retryLimit: env.DELIVERY_SEND_ATTEMPTS - 1, kinds: mailKinds, ...options });
  await startDeliveryTicks(options);
  await startRetentionWorker(options);
  await startAbuseWorker(options);
  await startBounceReceiver();
}
