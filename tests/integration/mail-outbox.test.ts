// The outbox against a real SMTP server (smtp-server) started by the test: delivery, retries with the same
// Message-ID, permanent failures, and the worker taking jobs from the queue.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SmtpSink } from "./smtp-sink";

const sink = new SmtpSink();
const received = sink.received;
const plan = (to: string, ...codes: number[]) => sink.plan(to, ...codes);

let modules: {
  db: typeof import("@/lib/infra/db");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  sign: typeof import("@/lib/signatures/sign-petition");
  schema: typeof import("@/lib/signatures/schema");
  worker: typeof import("@/lib/worker/start-workers");
  boss: typeof import("@/lib/infra/queue/boss");
  transport: typeof import("@/lib/infra/mail/transport");
  helpers: typeof import("./helpers");
  erase: typeof import("@/lib/privacy/erase-person");
};

beforeAll(async () => {
  const port = await sink.start();
  // The environment is read when lib/infra/env is first imported: point the app at this relay before that.
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(port);
  process.env.SMTP_SECURE = "false";
  process.env.MAIL_FROM = "Open Letters <no-reply@letters.example.test>";
  process.env.MAIL_SEND_ATTEMPTS = "3";
  modules = {
    db: await import("@/lib/infra/db"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    sign: await import("@/lib/signatures/sign-petition"),
    schema: await import("@/lib/signatures/schema"),
    worker: await import("@/lib/worker/start-workers"),
    boss: await import("@/lib/infra/queue/boss"),
    transport: await import("@/lib/infra/mail/transport"),
    helpers: await import("./helpers"),
    erase: await import("@/lib/privacy/erase-person"),
  };
});

afterAll(async () => {
  await modules.boss.stopBoss();
  modules.transport.closeMailTransport();
  await modules.db.closeDb();
  await sink.stop();
});

beforeEach(() => sink.reset());

async function signOne(overrides: Record<string, unknown> = {}) {
  const { helpers, sign, schema } = modules;
  const campaign = await helpers.createCampaign();
  await sign.signPetition(campaign.slug, schema.signatureInput.parse(helpers.signer(overrides)));
  const [message] = await helpers.outboxFor(campaign.id);
  return { campaign, message: message!, to: message!.to };
}

async function row(id: string) {
  const { rows } = await modules.db.pool.query(
    `SELECT status, attempts, last_error, response, payload, message_id, sent_at FROM outbox_message WHERE id = $1`,
    [id],
  );
  return rows[0];
}

const firstTry = { retryCount: 0, retryLimit: 2 };

describe("sending an outbox message", () => {
  it("sends the confirmation email with its stable Message-ID and links, then forgets the token", async () => {
    const { message } = await signOne({ name: "Jane <b>Doe</b>" });
    expect(await modules.deliver.deliverOutboxMessage(message.id, firstTry)).toBe("sent");

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.messageId).toBe(`<${message.id}@letters.example.test>`);
    expect(mail.subject).toMatch(/^Confirm your signature: Test campaign/);
    expect(mail.text).toContain(`http://localhost:3000/en/confirm/${message.payload.token}`);
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/en\/withdraw\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+/);
    // Anyone can sign with any name and someone else's address: our mail never repeats the typed name.
    expect(mail.text).not.toContain("Doe");
    expect(mail.html).not.toContain("Doe");

    const stored = await row(message.id);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(stored.response).toMatch(/^250/);
    expect(stored.payload).toEqual({});
  });

  it("writes Korean mail for a Korean signer", async () => {
    const { message } = await signOne({ locale: "ko", name: "김하나" });
    await modules.deliver.deliverOutboxMessage(message.id, firstTry);
    expect(received[0]!.subject).toMatch(/^서명을 확인해 주세요: 시험 캠페인/);
    expect(received[0]!.text).toMatch(/^안녕하세요\.\n/);
    expect(received[0]!.text).not.toContain("김하나");
    expect(received[0]!.text).toContain("받는 분에게 표시되는 방식: ");
    expect(received[0]!.text).toContain("/ko/confirm/");
  });

  it("retries after a 4xx answer and then sends with the same Message-ID", async () => {
    const { message, to } = await signOne();
    plan(to, 451);
    await expect(modules.deliver.deliverOutboxMessage(message.id, firstTry)).rejects.toBeInstanceOf(
      modules.deliver.RetryableMailError,
    );
    expect(await row(message.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: expect.stringContaining("451"),
    });

    expect(await modules.deliver.deliverOutboxMessage(message.id, { retryCount: 1, retryLimit: 2 })).toBe("sent");
    expect(await row(message.id)).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(received.map((m) => m.messageId)).toEqual([`<${message.id}@letters.example.test>`]);
  });

  it("gives up at once on a 5xx answer and records the server's reason", async () => {
    const { message, to } = await signOne();
    plan(to, 550);
    expect(await modules.deliver.deliverOutboxMessage(message.id, firstTry)).toBe("failed");
    const stored = await row(message.id);
    expect(stored).toMatchObject({ status: "failed", attempts: 1 });
    expect(stored.last_error).toMatch(/550.*Mailbox unavailable/);
    // A later job for the same message leaves it alone.
    expect(await modules.deliver.deliverOutboxMessage(message.id, firstTry)).toBe("skipped");
    expect(received).toHaveLength(0);
  });

  it("marks a message failed once its attempts (MAIL_SEND_ATTEMPTS, counted on the row) are used up", async () => {
    const { message, to } = await signOne();
    plan(to, 421, 421, 421);
    for (const attempts of [1, 2]) {
      await expect(modules.deliver.deliverOutboxMessage(message.id)).rejects.toBeInstanceOf(
        modules.deliver.RetryableMailError,
      );
      expect(await row(message.id)).toMatchObject({ status: "pending", attempts });
    }
    expect(await modules.deliver.deliverOutboxMessage(message.id)).toBe("failed");
    expect((await row(message.id)).last_error).toMatch(/gave up after 3 attempts/);
  });

  it("never records a send over an erasure or a cancellation made while the message was on the wire", async () => {
    for (const meanwhile of ["erased", "cancelled"] as const) {
      const { message, to } = await signOne();
      sink.delayMs = 500;
      const sending = modules.deliver.deliverOutboxMessage(message.id, firstTry);
      await expect.poll(() => sink.inFlight, { timeout: 10_000, interval: 10 }).toBe(1);
      if (meanwhile === "erased")
        await modules.db.transaction((trx) =>
          modules.erase.erasePeople(trx, { signatureIds: [message.signature_id!] }, "withdraw", new Date()),
        );
      else await modules.db.pool.query(`UPDATE outbox_message SET status = 'cancelled' WHERE id = $1`, [message.id]);
      // The relay accepted it; recording that finds the message no longer in this worker's hands and changes nothing.
      expect(await sending).toBe("sent");
      sink.delayMs = 0;
      expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
      const stored = await row(message.id);
      expect(stored).toMatchObject({ status: "cancelled", sent_at: null, response: null });
      if (meanwhile === "erased") expect(stored).toMatchObject({ payload: {} });
      const { rows: events } = await modules.db.pool.query<{ status: string }>(
        `SELECT status FROM outbox_event WHERE message_id = $1 ORDER BY id`,
        [message.id],
      );
      expect(events.map((e) => e.status)).toEqual(["sending"]);
      sink.reset();
    }
  });

  it("does not send a message whose signature was withdrawn before it went out", async () => {
    const { message } = await signOne();
    await modules.db.pool.query(`DELETE FROM signature WHERE id = $1`, [message.signature_id]);
    expect(await modules.deliver.deliverOutboxMessage(message.id, firstTry)).toBe("cancelled");
    expect(received).toHaveLength(0);
  });

  it("sends a batch side by side and records each message's own outcome", async () => {
    const ok = await signOne();
    const later = await signOne();
    const refused = await signOne();
    const withdrawn = await signOne();
    const done = await signOne();
    await modules.db.pool.query(`DELETE FROM signature WHERE id = $1`, [withdrawn.message.signature_id]);
    await modules.deliver.deliverOutboxMessage(done.message.id, firstTry);
    sink.reset();
    plan(later.to, 451);
    plan(refused.to, 550);

    const ids = [ok, later, refused, withdrawn, done].map((x) => x.message.id);
    const results = await modules.deliver.deliverOutboxMessages(ids.map((id) => ({ id, ...firstTry })));
    expect(results.get(ok.message.id)).toBe("sent");
    expect(results.get(later.message.id)).toBeInstanceOf(modules.deliver.RetryableMailError);
    expect(results.get(refused.message.id)).toBe("failed");
    expect(results.get(withdrawn.message.id)).toBe("cancelled");
    expect(results.get(done.message.id)).toBe("skipped");

    expect(received.map((m) => m.messageId)).toEqual([`<${ok.message.id}@letters.example.test>`]);
    expect(await row(ok.message.id)).toMatchObject({
      status: "sent",
      attempts: 1,
      response: expect.stringContaining("250"),
      payload: {},
    });
    expect(await row(later.message.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: expect.stringContaining("451"),
    });
    expect(await row(refused.message.id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(await row(withdrawn.message.id)).toMatchObject({ status: "cancelled" });
    expect(await row(done.message.id)).toMatchObject({ status: "sent", attempts: 1 });
    const { rows: events } = await modules.db.pool.query<{ status: string }>(
      `SELECT status FROM outbox_event WHERE message_id = $1 ORDER BY id`,
      [ok.message.id],
    );
    expect(events.map((e) => e.status)).toEqual(["sending", "sent"]);
  });
});

describe("the mail worker", () => {
  it("claims due messages from the outbox, retrying a temporary failure after MAIL_RETRY_DELAY_SECONDS", async () => {
    const loops = modules.worker.startMailWorker({ pollingIntervalSeconds: 0.1 });
    const email = `worker-${Date.now()}@example.test`;
    plan(email, 451);
    const { message } = await signOne({ email });
    // The first try fails; the message waits its backoff (1 s in tests) under no one's claim.
    await expect.poll(async () => (await row(message.id)).last_error, { timeout: 20_000, interval: 50 }).toMatch(/451/);
    const { rows: waiting } = await modules.db.pool.query(
      `SELECT status::text, claimed_by, round(extract(epoch FROM available_at - updated_at)) AS delay
         FROM outbox_message WHERE id = $1`,
      [message.id],
    );
    expect(waiting[0]).toEqual({ status: "pending", claimed_by: null, delay: "1" });
    await expect.poll(async () => (await row(message.id)).status, { timeout: 20_000, interval: 250 }).toBe("sent");
    const stored = await row(message.id);
    expect(stored.attempts).toBe(2);
    expect(received.filter((m) => m.messageId === stored.message_id)).toHaveLength(1);
    expect(stored.last_error).toBeNull();
    await loops.stop();
  });
});
