// Delivery to campaign targets: a tick every minute (pg-boss schedule, one run per minute across all workers)
// assembles what is due; the outbox's delivery loop (lib/worker) sends it.
import { boss, queues } from "@/lib/infra/queue/boss";
import { env } from "@/lib/infra/env";
import { scheduleDeliveries } from "./schedule-deliveries";

export async function startDeliveryTicks(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work(
    queues.deliveryTick,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async () => {
      await scheduleDeliveries();
    },
  );
  await instance.schedule(queues.deliveryTick, env.DELIVERY_TICK_CRON);
}
