// The mail worker: sends signers' and writers' own emails from the outbox. It runs inside `npm start` by default
// and as its own process (`npm run worker`) in production; any number may run at once.
import { queues } from "../jobs/boss";
import { env } from "../env";
import { workOutbox } from "../jobs/work-outbox";
import { startOutboxRelay } from "../jobs/relay-outbox";

export async function startMailWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await workOutbox(queues.mailSend, { retryLimit: env.MAIL_SEND_ATTEMPTS - 1, ...options });
  // Signatures and letters write their email without a job: the relay queues it.
  startOutboxRelay();
}
