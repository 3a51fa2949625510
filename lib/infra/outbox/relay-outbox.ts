// The outbox relay: queues a send job for each outbox message written without one. A signature or a letter is then
// one statement on the request path (the row and its message), and jobs are queued here in batches, in the same
// transaction that marks the messages queued. Any number of workers may relay at once (SKIP LOCKED).
import { withTransaction } from "@/lib/infra/db";
import { logError } from "@/lib/infra/log";
import { boss, onClient, queues, stopWithBoss } from "@/lib/infra/queue/boss";

/** Messages queued per transaction. */
export const relayBatchSize = 500;

/** Queues jobs for up to `limit` unqueued messages; returns how many it queued. */
export async function relayOutbox(limit = relayBatchSize): Promise<number> {
  const queue = await boss();
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; kind: string }>(
      `UPDATE outbox_message m SET enqueued_at = now()
         FROM (SELECT id FROM outbox_message WHERE enqueued_at IS NULL LIMIT $1 FOR UPDATE SKIP LOCKED) picked
        WHERE m.id = picked.id
        RETURNING m.id, m.kind`,
      [limit],
    );
    if (rows.length === 0) return 0;
    const byQueue = new Map<string, { id: string; data: { outboxId: string } }[]>();
    for (const row of rows) {
      const name = row.kind.startsWith("delivery.") ? queues.deliverySend : queues.mailSend;
      byQueue.set(name, [...(byQueue.get(name) ?? []), { id: row.id, data: { outboxId: row.id } }]);
    }
    for (const [name, jobs] of byQueue) await queue.insert(name, jobs, { db: onClient(client) });
    return rows.length;
  });
}

/** Relays continuously: at once again while batches come back full, otherwise every `intervalMs`. */
export function startOutboxRelay(options: { intervalMs?: number } = {}): { stop: () => Promise<void> } {
  const intervalMs = options.intervalMs ?? 250;
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let relayed = 0;
      try {
        relayed = await relayOutbox();
      } catch (err) {
        // The database may be restarting: try again after a pause; nothing is lost, the rows wait.
        logError("relay", "could not queue outbox messages", err);
      }
      if (relayed < relayBatchSize && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, relayed === 0 ? intervalMs : 0).unref?.();
        });
        wake = null;
      }
    }
  })();
  const stop = async () => {
    stopped = true;
    wake?.();
    await loop;
  };
  stopWithBoss(stop);
  return { stop };
}
