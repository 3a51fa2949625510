// Runs outbox send jobs from a queue: a few at a time (as many as the SMTP pool has connections), fetching again
// at once while the queue is full. Each job settles on its own: a temporary failure retries only that message.
import { redact } from "../log";
import type { JobResult } from "pg-boss";
import { boss } from "./boss";
import { deliverOutboxMessage } from "../mail/deliver-outbox-message";

export type OutboxJob = { outboxId: string };

/** Jobs per fetch, and fetch loops per worker process and queue. */
const batchSize = 5;
const loops = 2;
/** Messages in flight per worker process and queue; a killed worker re-sends at most these (same Message-IDs). */
export const inFlightPerWorker = batchSize * loops;

export async function workOutbox(queue: string, options: { retryLimit: number; pollingIntervalSeconds?: number }): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work<OutboxJob>(
    queue,
    { batchSize, localConcurrency: loops, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async (jobs): Promise<JobResult[]> =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          try {
            await deliverOutboxMessage(job.data.outboxId, { retryCount: job.retryCount, retryLimit: options.retryLimit });
            return { id: job.id, status: "completed" };
          } catch (err) {
            // The job's output stays in pgboss.job for days: the relay's words may quote the recipient's address.
            return { id: job.id, status: "failed", output: { message: redact(err instanceof Error ? err.message : String(err)) } };
          }
        }),
      ),
  );
}
