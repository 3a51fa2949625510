// Delivery to campaign targets: a tick every minute (pg-boss schedule, one run per minute across all workers)
// assembles what is due; send jobs deliver it through the outbox.
import { boss, queues } from "../jobs/boss";
import { env } from "../env";
import { workOutbox } from "../jobs/work-outbox";
import { scheduleDeliveries } from "./schedule-deliveries";

export async function startDeliveryWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await workOutbox(queues.deliverySend, { retryLimit: env.DELIVERY_SEND_ATTEMPTS - 1, ...options });
  const instance = await boss({ supervise: true });
  await instance.work(queues.deliveryTick, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async () => {
    await scheduleDeliveries();
  });
  await instance.schedule(queues.deliveryTick, env.DELIVERY_TICK_CRON);
}
