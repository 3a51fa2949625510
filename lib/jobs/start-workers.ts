// Everything a worker process runs: the signers' and writers' own mail, and deliveries to targets.
import { startMailWorker } from "../mail/worker";
import { startDeliveryWorker } from "../delivery/worker";

export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await startMailWorker(options);
  await startDeliveryWorker(options);
}
