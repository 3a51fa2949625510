// Wakes a worker the moment a job is queued (Postgres LISTEN/NOTIFY) instead of at its next poll. Only a hint:
// polling goes on beside it, so a notification lost while the connection is down delays a job, never loses it.
// One dedicated connection per process, outside the pool, because a LISTEN belongs to its session.
import pg from "pg";
import { databaseUrl } from "@/lib/infra/env";
import { logError } from "@/lib/infra/log";

export type ListenHandle = { close(): Promise<void> };

/** Listens on `channel`; each time it (re)subscribes calls `onReconnect`, so the caller can fetch what it may have missed. */
export async function listenForJobs(
  channel: string,
  onNotification: (payload: string) => void,
  onReconnect: () => void,
): Promise<ListenHandle> {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const discard = (c: pg.Client) => {
    c.removeAllListeners();
    c.on("error", () => {});
    return c.end().catch(() => {});
  };

  const reconnectLater = () => {
    if (closed || retry) return;
    retry = setTimeout(
      () => {
        retry = null;
        connect().catch((err) => {
          logError("jobs", "could not listen for new jobs", err);
          reconnectLater();
        });
      },
      Math.min(30_000, 1000 * 2 ** Math.min(failures++, 5)),
    );
    retry.unref();
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: databaseUrl(),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "open-letters-listen",
    });
    const lost = () => {
      if (client !== next) return;
      client = null;
      void discard(next);
      reconnectLater();
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (msg) => {
      if (msg.payload !== undefined) onNotification(msg.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (err) {
      await discard(next);
      throw err;
    }
    if (closed) {
      await discard(next);
      return;
    }
    client = next;
    failures = 0;
    onReconnect();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      if (current) await discard(current);
    },
  };
}
