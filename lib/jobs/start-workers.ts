// Everything a worker process runs: the signers' and writers' own mail, deliveries to targets, and the sweep of
// old rate-limit windows.
import { startMailWorker } from "../mail/worker";
import { startDeliveryWorker } from "../delivery/worker";
import { startAbuseWorker } from "../abuse/worker";

export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await startMailWorker(options);
  await startDeliveryWorker(options);
  await startAbuseWorker(options);
}
