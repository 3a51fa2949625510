// The job queue (pg-boss) runs on the app's own Postgres and pool: a job can be enqueued in the same
// transaction as the change that causes it, and many app servers and workers can share it.
import { logError } from "@/lib/infra/log";
import { PgBoss, type Db, type Queue } from "pg-boss";
import type pg from "pg";
import { CompiledQuery } from "kysely";
import type { Transaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { pool } from "@/lib/infra/db";
import { listenForJobs } from "./listen-for-jobs";

// Schedules only: a message's lifecycle belongs to its outbox row (lib/infra/outbox), not to a job.
export const queues = {
  /** Every minute: assemble what is due for delivery. */
  deliveryTick: "delivery.tick",
  /** Every hour: erase the personal data of campaigns closed long enough, and unconfirmed items long expired. */
  retentionTick: "retention.tick",
  /** Every minute: fire the milestones campaigns crossed, and queue the recipients of new updates. */
  updatesTick: "updates.tick",
  /** Every ten minutes: delete old rate-limit windows. */
  abuseSweep: "abuse.sweep",
} as const;

/** Queues of earlier versions, which sent mail through jobs; their jobs are dropped (the outbox rows remain). */
const retiredQueues = ["mail.send", "delivery.send"];

/** An attempt running longer than expireInSeconds is given to another worker. */
const policies: Record<string, Omit<Queue, "name">> = {
  [queues.deliveryTick]: { retryLimit: 0, expireInSeconds: 300 },
  // A campaign of a million signers takes minutes; a second worker given an expired run skips campaigns in hand.
  [queues.retentionTick]: { retryLimit: 0, expireInSeconds: 3600 },
  [queues.abuseSweep]: { retryLimit: 0, expireInSeconds: 300 },
  [queues.updatesTick]: { retryLimit: 0, expireInSeconds: 300 },
};

/** A pg-boss `db` that runs its statements inside the caller's transaction (lib/infra/db/transaction.ts). */
export function onTransaction(trx: Transaction): Db {
  return { executeSql: (text, values) => trx.executeQuery(CompiledQuery.raw(text, (values ?? []) as unknown[])) };
}

/** A pg-boss `db` that runs statements on one client, e.g. inside the caller's transaction. */
export function onClient(client: pg.PoolClient | pg.Pool): Db {
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}

const globalForBoss = globalThis as unknown as {
  openLettersBoss?: Promise<PgBoss>;
  openLettersBossUsers?: Set<() => Promise<void>>;
};

/** Loops that run beside the queue (the outbox's send loops) stop before it does, and with it. */
export function stopWithBoss(stop: () => Promise<void>): void {
  (globalForBoss.openLettersBossUsers ??= new Set()).add(stop);
}

/** The process's pg-boss instance. Workers supervise (expire and retry stuck jobs, run schedules); app servers only send. */
export function boss(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  globalForBoss.openLettersBoss ??= start(options.supervise ?? false);
  return globalForBoss.openLettersBoss;
}

async function start(supervise: boolean): Promise<PgBoss> {
  const instance = new PgBoss({
    // Workers listen for new jobs on a connection of their own; app servers only queue them.
    db: supervise ? { ...onClient(pool), listen: listenForJobs } : onClient(pool),
    useListenNotify: supervise,
    supervise,
    schedule: supervise,
    // How often a worker looks for jobs whose worker died (expired) and hands them on.
    superviseIntervalSeconds: env.JOB_SUPERVISE_SECONDS,
    monitorIntervalSeconds: env.JOB_SUPERVISE_SECONDS,
  });
  // pg-boss keeps polling through a database outage; it reports each failed attempt here.
  instance.on("error", (err) => logError("jobs", "pg-boss error", err));
  try {
    await instance.start();
    for (const [name, policy] of Object.entries(policies)) {
      if (await instance.getQueue(name)) await instance.updateQueue(name, policy);
      else await instance.createQueue(name, policy);
    }
    for (const name of retiredQueues) if (await instance.getQueue(name)) await instance.deleteQueue(name);
    return instance;
  } catch (err) {
    globalForBoss.openLettersBoss = undefined;
    throw err;
  }
}

export async function stopBoss(): Promise<void> {
  const users = [...(globalForBoss.openLettersBossUsers ?? [])];
  globalForBoss.openLettersBossUsers?.clear();
  await Promise.all(users.map((stop) => stop()));
  const pending = globalForBoss.openLettersBoss;
  globalForBoss.openLettersBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}
