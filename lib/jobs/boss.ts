// The job queue (pg-boss) runs on the app's own Postgres and pool: a job can be enqueued in the same
// transaction as the change that causes it, and many app servers and workers can share it.
import { PgBoss, type Db } from "pg-boss";
import type pg from "pg";
import { env } from "../env";
import { pool } from "../db";

export const queues = { mailSend: "mail.send" } as const;

/** A pg-boss `db` that runs statements on one client, e.g. inside the caller's transaction. */
export function onClient(client: pg.PoolClient | pg.Pool): Db {
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}

const globalForBoss = globalThis as unknown as { openLettersBoss?: Promise<PgBoss> };

/** The process's pg-boss instance. Workers supervise (expire and retry stuck jobs); app servers only send. */
export function boss(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  globalForBoss.openLettersBoss ??= start(options.supervise ?? false);
  return globalForBoss.openLettersBoss;
}

async function start(supervise: boolean): Promise<PgBoss> {
  const instance = new PgBoss({ db: onClient(pool), supervise, schedule: false });
  instance.on("error", (err) => console.error("[jobs] pg-boss error:", err.message));
  try {
    await instance.start();
    await ensureQueues(instance);
    return instance;
  } catch (err) {
    globalForBoss.openLettersBoss = undefined;
    throw err;
  }
}

async function ensureQueues(instance: PgBoss): Promise<void> {
  const existing = await instance.getQueue(queues.mailSend);
  const policy = {
    // One attempt plus retries; an attempt that hangs longer than this is given to another worker.
    retryLimit: env.MAIL_SEND_ATTEMPTS - 1,
    retryDelay: env.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
  };
  if (existing) await instance.updateQueue(queues.mailSend, policy);
  else await instance.createQueue(queues.mailSend, policy);
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.openLettersBoss;
  globalForBoss.openLettersBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}
