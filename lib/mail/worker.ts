// The mail worker: takes send jobs from the queue and delivers their outbox messages. It runs inside
// `npm start` by default and as its own process (`npm run worker`) in production; any number may run at once.
import { boss, queues } from "../jobs/boss";
import { env } from "../env";
import { deliverOutboxMessage } from "./deliver-outbox-message";

export type MailJob = { outboxId: string };

export async function startMailWorker(options: { concurrency?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work<MailJob>(
    queues.mailSend,
    { localConcurrency: options.concurrency ?? 4, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async ([job]) => {
      if (!job) return;
      await deliverOutboxMessage(job.data.outboxId, { retryCount: job.retryCount, retryLimit: env.MAIL_SEND_ATTEMPTS - 1 });
    },
  );
}
