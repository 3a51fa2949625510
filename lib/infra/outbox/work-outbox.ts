// The send loops: each claims a batch of due messages (claim-outbox-messages.ts), sends them side by side over the
// SMTP pool and records them together, and claims again at once while batches come back full. The outbox row is the
// message's only job: no queue, no second lease. Through a database outage the loops keep trying every half second.
import { logError } from "@/lib/infra/log";
import { stopWithBoss } from "@/lib/infra/queue/boss";
import { claimOutboxMessages } from "./claim-outbox-messages";
import { sendClaimedMessages } from "./deliver-outbox-message";
import type { Lane } from "./message-kinds";
import type { MailKinds } from "./outbox";
import { OutboxWorker } from "./outbox-worker";

/**
 * Messages per claim, and loops per worker process and lane. Enough in flight that the SMTP pool (5 connections)
 * never waits on the database between batches, and no more: a claimed message must go out well within its claim
 * (JOB_EXPIRE_SECONDS), or another worker takes it over and it is sent twice.
 */
const batchSize = 20;
const loops = 4;
/** Messages in flight per worker process and lane; a killed worker's are sent again (same Message-IDs). */
export const inFlightPerWorker = batchSize * loops;
/** Pause after the database failed to answer, before trying again. */
const outagePauseMs = 500;

export type OutboxLoops = { worker: OutboxWorker; stop: () => Promise<void> };

/**
 * Starts a lane's loops. The first looks for due messages every `pollMs` (a retry's time, a throttle's spacing, a
 * message just written); the others sleep until a full batch says there is more than one loop can carry.
 */
export function workOutbox(
  lane: Lane,
  options: { kinds: MailKinds; worker?: OutboxWorker; pollMs?: number },
): OutboxLoops {
  const worker = options.worker ?? new OutboxWorker();
  const pollMs = options.pollMs ?? 250;
  let stopped = false;
  let failing = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const wakeAll = () => [...sleepers].forEach((wake) => wake());

  const loop = async (index: number) => {
    while (!stopped) {
      let claimed;
      try {
        // What the relay accepted while the database was away is recorded before anything is claimed.
        await worker.flush();
        claimed = await claimOutboxMessages(worker, { lane, limit: batchSize });
        failing = false;
      } catch (err) {
        if (!failing)
          logError("outbox", `could not claim ${lane} messages; trying again every ${outagePauseMs} ms`, err);
        failing = true;
        await sleep(outagePauseMs);
        continue;
      }
      if (claimed.length === batchSize) wakeAll();
      if (claimed.length) await sendClaimedMessages(worker, claimed, options.kinds);
      if (claimed.length < batchSize && !stopped) await sleep(index === 0 ? pollMs : 60_000);
    }
  };
  const running = Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
  const stop = async () => {
    stopped = true;
    wakeAll();
    await running;
  };
  stopWithBoss(stop);
  return { worker, stop };
}
