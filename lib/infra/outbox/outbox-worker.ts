// A sender's identity and memory. Its claims carry its id, so when the database comes back after an outage it takes
// back at once the messages it had claimed and was no longer handling, instead of waiting for their claims to run out;
// and an outcome it could not record (the relay accepted a message while the database was away) is recorded first.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { settleOutboxMessages, type Settlement } from "./settle-outbox-messages";

export class OutboxWorker {
  /** Written to claimed_by: unique to this process and this start. */
  readonly id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  /** Claimed messages being handled right now: this worker's claims that a claim must not take back. */
  private readonly busy = new Set<string>();
  /** Outcomes the database did not take: recorded before anything new is claimed. */
  private readonly unrecorded = new Map<string, Settlement>();
  private grouped: { s: Settlement; done: (err?: unknown) => void }[] = [];
  private recording = false;
  private claiming: Promise<unknown> = Promise.resolve();

  /**
   * Runs this worker's claims one at a time: a claim made by one of its loops is in hand before the next claim
   * looks for this worker's own claims to take back, so two loops never take the same message.
   */
  oneClaimAtATime<T>(claim: () => Promise<T>): Promise<T> {
    const next = this.claiming.then(claim, claim);
    this.claiming = next.catch(() => {});
    return next;
  }

  /** This worker's claims that must not be taken again: messages in hand, and outcomes waiting to be recorded. */
  held(): string[] {
    return [...this.busy, ...this.unrecorded.keys()];
  }

  take(ids: string[]): void {
    for (const id of ids) this.busy.add(id);
  }

  /** The message is out of hand: recorded, or left claimed for this worker to take back once the database answers. */
  release(id: string): void {
    this.busy.delete(id);
  }

  /** Records what a send came to. If the database does not take it, a final outcome is kept and recorded by `flush`. */
  async record(s: Settlement): Promise<void> {
    try {
      await this.recordGrouped(s);
    } catch (err) {
      if (s.status !== "pending") this.unrecorded.set(s.message.id, s);
      throw err;
    } finally {
      this.release(s.message.id);
    }
  }

  /** Records the outcomes kept while the database was away; throws if it is still away. */
  async flush(): Promise<void> {
    if (this.unrecorded.size === 0) return;
    const kept = [...this.unrecorded.values()];
    await settleOutboxMessages(this.id, kept);
    for (const s of kept) if (this.unrecorded.get(s.message.id) === s) this.unrecorded.delete(s.message.id);
  }

  /**
   * Outcomes go to the database as soon as possible, and together: the first waits for no one, and those that
   * arrive while a statement runs go in the next one, so the batches a worker sends side by side share statements.
   */
  private recordGrouped(s: Settlement): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.grouped.push({ s, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.recording) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.recording = true;
    while (this.grouped.length) {
      const group = this.grouped;
      this.grouped = [];
      try {
        await settleOutboxMessages(
          this.id,
          group.map((g) => g.s),
        );
        group.forEach((g) => g.done());
      } catch (err) {
        group.forEach((g) => g.done(err));
      }
    }
    this.recording = false;
  }
}

/** The worker of tools and tests that send messages by id, outside the send loops. */
let shared: OutboxWorker | undefined;
export function processWorker(): OutboxWorker {
  return (shared ??= new OutboxWorker());
}
