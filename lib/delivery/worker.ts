// Delivery to campaign targets: a tick every minute (pg-boss schedule, one run per minute across all workers)
// assembles what is due; send jobs deliver it through the outbox.
import { boss, queues } from "../jobs/boss";
import { env } from "../env";
import { deliverOutboxMessage } from "../mail/deliver-outbox-message";
import type { MailJob } from "../mail/worker";
import { scheduleDeliveries } from "./schedule-deliveries";

export async function startDeliveryWorker(options: { concurrency?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  await instance.work<MailJob>(queues.deliverySend, { localConcurrency: options.concurrency ?? 2, pollingIntervalSeconds }, async ([job]) => {
    if (!job) return;
    await deliverOutboxMessage(job.data.outboxId, { retryCount: job.retryCount, retryLimit: env.DELIVERY_SEND_ATTEMPTS - 1 });
  });
  await instance.work(queues.deliveryTick, { pollingIntervalSeconds }, async () => {
    await scheduleDeliveries();
  });
  await instance.schedule(queues.deliveryTick, env.DELIVERY_TICK_CRON);
}
