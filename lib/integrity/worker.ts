// The worker's part in abuse protection: a schedule (one run per interval across all workers) that sweeps old
// rate windows.
import { boss, queues } from "@/lib/infra/queue/boss";
import { sweepRateWindows } from "./sweep-rate-windows";

export const sweepCron = "*/10 * * * *";

export async function startAbuseWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work(queues.abuseSweep, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    await sweepRateWindows();
  });
  await instance.schedule(queues.abuseSweep, sweepCron);
}
