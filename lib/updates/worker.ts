// Milestones and updates on a schedule (pg-boss: one run a minute across all workers, DELIVERY_TICK_CRON): fire the
// milestones campaigns crossed, then queue the recipients of every mailing not yet queued. Both steps are safe to run
// twice at once (unique rows), so a second worker given an expired run changes nothing.
import { boss, queues } from "@/lib/infra/queue/boss";
import { env } from "@/lib/infra/env";
import { logger } from "@/lib/infra/log";
import { enqueueMailings } from "./enqueue-mailings";
import { fireMilestones } from "./fire-milestones";

export async function runUpdatesTick(): Promise<void> {
  const fired = await fireMilestones();
  for (const m of fired) logger("updates").info(`campaign ${m.campaignId}: milestone ${m.milestone}`);
  const queued = await enqueueMailings();
  if (queued) logger("updates").info(`queued ${queued} update emails`);
}

export async function startUpdateTicks(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work(
    queues.updatesTick,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    runUpdatesTick,
  );
  await instance.schedule(queues.updatesTick, env.DELIVERY_TICK_CRON);
}
