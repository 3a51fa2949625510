// Everything a worker process runs: the signers' and writers' own mail, deliveries to targets, retention, and the
// sweep of old rate-limit windows.
import { startMailWorker } from "../mail/worker";
import { startDeliveryWorker } from "../delivery/worker";
import { startRetentionWorker } from "../retention/worker";
import { startAbuseWorker } from "../abuse/worker";

export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await startMailWorker(options);
  await startDeliveryWorker(options);
  await startRetentionWorker(options);
  await startAbuseWorker(options);
}
