// Runs outbox send jobs from a queue: a batch at a time (claimed, sent side by side over the SMTP pool, and recorded
// together), fetching again at once while the queue is full. Each job settles on its own: a temporary failure retries
// only that message.
import { redact } from "@/lib/infra/log";
import type { JobResult } from "pg-boss";
import { boss } from "@/lib/infra/queue/boss";
import { deliverOutboxMessages } from "./deliver-outbox-message";
import type { MailKinds } from "./outbox";

export type OutboxJob = { outboxId: string };

/**
 * Jobs per fetch, and fetch loops per worker process and queue. Enough in flight that the SMTP pool (5 connections)
 * never waits on the database between batches, and no more: a claimed message must go out well within its lease
 * (JOB_EXPIRE_SECONDS), or another worker takes it over and it is sent twice.
 */
const batchSize = 20;
const loops = 4;
/** Messages in flight per worker process and queue; a killed worker re-sends at most these (same Message-IDs). */
export const inFlightPerWorker = batchSize * loops;

export async function workOutbox(
  queue: string,
  options: { retryLimit: number; kinds: MailKinds; pollingIntervalSeconds?: number },
): Promise<void> {
  const instance = await boss({ supervise: true });
  const polling = options.pollingIntervalSeconds ?? 1;
  await instance.work<OutboxJob>(
    queue,
    {
      batchSize,
      localConcurrency: loops,
      perJobResults: true,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: polling,
      // A NOTIFY wakes the loops early; polling keeps its pace for retries and jobs whose start was deferred.
      notifyPollingIntervalSeconds: polling,
    },
    async (jobs): Promise<JobResult[]> => {
      let results: Map<string, unknown>;
      try {
        results = await deliverOutboxMessages(
          jobs.map((job) => ({ id: job.data.outboxId, retryCount: job.retryCount, retryLimit: options.retryLimit })),
          options.kinds,
        );
      } catch (err) {
        // The batch could not be claimed or recorded (the database went away): every job tries again.
        results = new Map(jobs.map((job) => [job.data.outboxId, err]));
      }
      return jobs.map((job): JobResult => {
        const result = results.get(job.data.outboxId);
        return result instanceof Error || (result !== undefined && typeof result !== "string")
          ? {
              id: job.id,
              status: "failed",
              output: { message: redact(result instanceof Error ? result.message : String(result)) },
            }
          : { id: job.id, status: "completed" };
      });
    },
  );
}
