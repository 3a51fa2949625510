// Real worker processes (`npm run worker`) against a real SMTP server: one killed mid-batch loses no letter and no
// update, and two at once send each message once. A worker sends every message that is due in its database, so this
// file runs on a database of its own (vitest.config's workerTestDatabaseUrl): the mail on the wire is only ever the
// mail of these tests, never another file's.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { workerTestDatabaseUrl } from "../../vitest.config";
import { smtpSinkForFile } from "./smtp-sink";

process.env.DATABASE_URL = workerTestDatabaseUrl;

const sink = smtpSinkForFile({
  // A killed worker's claims run out after a few seconds instead of minutes.
  JOB_EXPIRE_SECONDS: "3",
});

let m: {
  db: typeof import("@/lib/infra/db");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  work: typeof import("@/lib/infra/outbox/work-outbox");
  send: typeof import("@/lib/updates/send-update");
  enqueue: typeof import("@/lib/updates/enqueue-mailings");
  fixtures: typeof import("./mail-fixtures");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    work: await import("@/lib/infra/outbox/work-outbox"),
    send: await import("@/lib/updates/send-update"),
    enqueue: await import("@/lib/updates/enqueue-mailings"),
    fixtures: await import("./mail-fixtures"),
  };
});

// Each test's workers end with it: the next test's mail is sent only by the workers it starts.
const children: ChildProcess[] = [];
afterEach(async () => {
  const running = children.splice(0).filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(running.map((c) => new Promise((r) => (c.once("exit", r), c.kill("SIGKILL")))));
});

/** `npm run worker` as its own process, on this file's database and relay (its env is this process's). */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
    env: { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(sink.port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

/** Lets the relay answer slowly until `ready`, then holds each message mid-DATA and kills the worker with some held. */
async function killMidSend(worker: ChildProcess, ready: () => boolean) {
  sink.delayMs = 400;
  await expect.poll(ready, { timeout: 90_000, interval: 50 }).toBe(true);
  sink.holding = true;
  await expect.poll(() => sink.held, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  worker.kill("SIGKILL");
  await new Promise((r) => worker.once("exit", r));
  sink.release();
  sink.delayMs = 0;
}

async function outboxCount(campaignId: string, status: string) {
  const { rows } = await m.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_message WHERE campaign_id = $1 AND status = $2`,
    [campaignId, status],
  );
  return rows[0]!.n;
}

describe("letters to the target", { timeout: 120_000 }, () => {
  async function waitUntilDelivered(campaignId: string, count: number) {
    await expect
      .poll(async () => (await m.fixtures.letterStatuses(campaignId)).filter((s) => s === "delivered").length, {
        timeout: 100_000,
        interval: 500,
      })
      .toBe(count);
  }

  const mineOf = (ids: string[]) =>
    sink.received.filter((r) => ids.some((id) => r.messageId === `<letter.${id}@letters.example.test>`));

  it("loses nothing when a worker is killed mid-batch; a message sent twice keeps its Message-ID", async () => {
    const campaign = await m.fixtures.campaignWith({ throttlePerMinute: 6000 });
    const ids = await m.fixtures.confirmedLetters(campaign.id, 20);
    await m.schedule.scheduleDeliveries();
    await killMidSend(startWorker(), () => mineOf(ids).length >= 5);
    // Killed mid-batch: the messages on the wire are still claimed by the dead worker.
    expect(await outboxCount(campaign.id, "sending")).toBeGreaterThan(0);
    expect((await m.fixtures.letterStatuses(campaign.id)).filter((s) => s === "delivered").length).toBeLessThan(20);

    startWorker();
    await waitUntilDelivered(campaign.id, 20);
    const received = mineOf(ids);
    const distinct = new Set(received.map((r) => r.messageId));
    expect(distinct.size).toBe(20);
    // Any duplicate is a message that was in flight when the worker died, re-sent under the same Message-ID.
    expect(received.length - distinct.size).toBeLessThanOrEqual(m.work.inFlightPerWorker);
    for (const id of distinct)
      expect(
        received
          .filter((r) => r.messageId === id)
          .every((r) => r.subject === received.find((x) => x.messageId === id)!.subject),
      ).toBe(true);
  });

  it("sends every item exactly once with two workers at once", async () => {
    const campaign = await m.fixtures.campaignWith({ throttlePerMinute: 6000 });
    const ids = await m.fixtures.confirmedLetters(campaign.id, 30);
    await m.schedule.scheduleDeliveries();
    sink.delayMs = 20;
    startWorker();
    startWorker();
    await waitUntilDelivered(campaign.id, 30);
    const received = mineOf(ids);
    expect(received).toHaveLength(30);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(30);
  });

  it("sends every item exactly once when two woken workers race for several full batches", async () => {
    const campaign = await m.fixtures.campaignWith({ throttlePerMinute: 1_000_000 });
    const ids = await m.fixtures.confirmedLetters(campaign.id, 120);
    sink.delayMs = 5;
    startWorker();
    startWorker();
    // Both listening before the jobs arrive: the NOTIFY wakes them at once and they fetch side by side. The sink is
    // slower than their claims' lease (3 s here): a message still waiting for a connection is given back unsent.
    await new Promise((r) => setTimeout(r, 4000));
    await m.schedule.scheduleDeliveries();
    await waitUntilDelivered(campaign.id, 120);
    const received = mineOf(ids);
    expect(received).toHaveLength(120);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(120);
  });
});

describe("an organizer's update", { timeout: 180_000 }, () => {
  it("leaves every recipient with exactly one message when a worker is killed mid-send: nobody lost, nobody sent two different ones", async () => {
    const t = randomUUID().slice(0, 8);
    const people = Array.from({ length: 20 }, (_, i) => ({
      email: `k${String(i).padStart(2, "0")}-${t}@example.test`,
    }));
    const { campaign, scope } = await m.fixtures.campaignWithSigners(people);
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    await m.enqueue.enqueueMailings();
    const mine = () => sink.received.filter((r) => r.to.endsWith(`-${t}@example.test`));

    await killMidSend(startWorker(), () => mine().length >= 3);
    expect(await outboxCount(campaign.id, "sending")).toBeGreaterThan(0);
    expect(await outboxCount(campaign.id, "sent")).toBeLessThan(20);

    startWorker();
    await expect.poll(() => outboxCount(campaign.id, "sent"), { timeout: 120_000, interval: 500 }).toBe(20);
    // One outbox message per person, and each person received that one message: a message that was on the wire when
    // the worker died may arrive again, under its same Message-ID (receivers fold such a copy into the first).
    const received = mine();
    expect(new Set(received.map((r) => r.to))).toEqual(new Set(people.map((p) => p.email)));
    for (const p of people) {
      const ids = new Set(received.filter((r) => r.to === p.email).map((r) => r.messageId));
      expect(ids.size).toBe(1);
    }
    expect(new Set(received.map((r) => r.messageId)).size).toBe(20);
    expect(received.length - 20).toBeLessThanOrEqual(m.work.inFlightPerWorker);
  });
});
