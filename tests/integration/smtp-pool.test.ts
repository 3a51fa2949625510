// The SMTP pool against a real SMTP server (smtp-server): connections are kept and shared, a refused message leaves
// its connection usable, a relay that restarts is reconnected to, and a message that waited too long is not sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { SmtpSink } from "./smtp-sink";
import { composeMail } from "@/lib/infra/mail/compose-mail";
import { createSmtpPool, SendNotStartedError } from "@/lib/infra/mail/smtp-pool";

const sink = new SmtpSink();
let port = 0;
const pools: ReturnType<typeof createSmtpPool>[] = [];

function pool(overrides: Partial<Parameters<typeof createSmtpPool>[0]> = {}) {
  const p = createSmtpPool({
    host: "127.0.0.1",
    port,
    secure: false,
    connections: 3,
    maxMessages: 100,
    idleMs: 30_000,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
    ...overrides,
  });
  pools.push(p);
  return p;
}

async function message(i: number, to = `target${i}@example.org`) {
  return composeMail({
    messageId: `<pool.${i}@open-letters.test>`,
    from: "Open Letters <letters@open-letters.test>",
    to,
    subject: `Letter ${i} — 편지`,
    text: `Dear Mr. President,\n\n.${i}\n`,
    html: `<p>${i}</p>`,
  });
}

beforeAll(async () => {
  port = await sink.start();
});

beforeEach(() => {
  sink.reset();
  sink.sessions = 0;
});

// A relay stopping waits for open sessions: each test's pool says goodbye when the test ends.
afterEach(() => pools.splice(0).forEach((p) => p.close()));

afterAll(async () => {
  await sink.stop();
});

describe("the SMTP pool", () => {
  it("sends many messages side by side over no more connections than it is allowed, each intact", async () => {
    const p = pool();
    const messages = await Promise.all(Array.from({ length: 30 }, (_, i) => message(i)));
    const answers = await Promise.all(messages.map((m) => p.send(m.envelope, m.raw)));
    expect(answers.every((a) => a.response.startsWith("250"))).toBe(true);
    expect(sink.sessions).toBeLessThanOrEqual(3);
    expect(sink.received.map((r) => r.messageId).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `<pool.${i}@open-letters.test>`).sort(),
    );
    // A line starting with a dot survives SMTP's dot-stuffing.
    expect(sink.received.find((r) => r.messageId === "<pool.7@open-letters.test>")!.text).toBe(
      "Dear Mr. President,\n\n.7\n",
    );
    expect(sink.received.every((r) => r.subject.endsWith("— 편지"))).toBe(true);
  });

  it("keeps the connection after the relay refuses one message, and sends the next on it", async () => {
    const p = pool({ connections: 1 });
    sink.plan("refused@example.org", 550);
    const refused = await message(100, "refused@example.org");
    await expect(p.send(refused.envelope, refused.raw)).rejects.toMatchObject({ responseCode: 550 });
    const next = await message(101);
    await expect(p.send(next.envelope, next.raw)).resolves.toMatchObject({ response: expect.stringMatching(/^250/) });
    expect(sink.sessions).toBe(1);
    expect(sink.received.map((r) => r.messageId)).toEqual(["<pool.101@open-letters.test>"]);
  });

  it("closes a connection left idle, and opens a new one when the relay has restarted meanwhile", async () => {
    const p = pool({ connections: 1, idleMs: 50 });
    const first = await message(200);
    await p.send(first.envelope, first.raw);
    await new Promise((r) => setTimeout(r, 200));
    // The relay's shutdown waits for open sessions: it returns at once only because the pool said goodbye (QUIT).
    await sink.stop();
    await sink.start(port);
    const second = await message(201);
    await p.send(second.envelope, second.raw);
    expect(sink.received.map((r) => r.messageId)).toEqual([
      "<pool.200@open-letters.test>",
      "<pool.201@open-letters.test>",
    ]);
    expect(sink.sessions).toBe(2);
  });

  it("replaces a connection once it has carried maxMessages", async () => {
    const p = pool({ connections: 1, maxMessages: 2 });
    for (let i = 300; i < 305; i++) {
      const m = await message(i);
      await p.send(m.envelope, m.raw);
    }
    expect(sink.received).toHaveLength(5);
    expect(sink.sessions).toBe(3);
  });

  it("sends again on a new connection when the relay ends a used one at MAIL FROM (421), and only then", async () => {
    const delivered: string[] = [];
    const perSession = new Map<string, number>();
    let busy = false;
    // A relay that takes two messages per session and answers the third's MAIL FROM with 421, closing the session.
    const relay = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      logger: false,
      onMailFrom: (_address, session, callback) => {
        const n = (perSession.get(session.id) ?? 0) + 1;
        perSession.set(session.id, n);
        if (busy || n > 2)
          return callback(Object.assign(new Error("4.7.0 Too many messages in this session"), { responseCode: 421 }));
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          delivered.push(/^Message-ID: (.*)$/m.exec(Buffer.concat(chunks).toString())![1]!.trim());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", () => resolve()));
    try {
      const p = pool({ port: (relay.server.address() as AddressInfo).port, connections: 1 });
      for (let i = 700; i < 705; i++) {
        const m = await message(i);
        await p.send(m.envelope, m.raw);
      }
      expect(delivered).toEqual(Array.from({ length: 5 }, (_, i) => `<pool.${700 + i}@open-letters.test>`));
      expect(perSession.size).toBe(3);
      // A 421 to the first message of a new connection is the relay's answer, not a stale session: it is reported.
      busy = true;
      perSession.clear();
      const m = await message(705);
      await expect(
        pool({ port: (relay.server.address() as AddressInfo).port, connections: 1 }).send(m.envelope, m.raw),
      ).rejects.toMatchObject({ responseCode: 421 });
      expect(perSession.size).toBe(1);
    } finally {
      pools.splice(0).forEach((p) => p.close());
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });

  it("gives a message back unsent when it waited for a connection past its startBy", async () => {
    const p = pool({ connections: 1 });
    sink.delayMs = 300;
    const slow = await message(400);
    const late = await message(401);
    const sending = p.send(slow.envelope, slow.raw);
    await expect(p.send(late.envelope, late.raw, Date.now() + 100)).rejects.toBeInstanceOf(SendNotStartedError);
    await sending;
    expect(sink.received.map((r) => r.messageId)).toEqual(["<pool.400@open-letters.test>"]);
  });

  it("gives messages still waiting back unsent when the pool is closed", async () => {
    const p = pool({ connections: 1 });
    sink.delayMs = 200;
    const [first, waiting] = [await message(450), await message(451)];
    const sending = p.send(first.envelope, first.raw);
    const queued = p.send(waiting.envelope, waiting.raw);
    await expect.poll(() => sink.inFlight).toBe(1);
    p.close();
    await expect(queued).rejects.toBeInstanceOf(SendNotStartedError);
    await sending;
    expect(sink.received.map((r) => r.messageId)).toEqual(["<pool.450@open-letters.test>"]);
  });

  it("reports a relay that is not there, and sends once it is back", async () => {
    await sink.stop();
    const p = pool({ connections: 1 });
    const m = await message(500);
    await expect(p.send(m.envelope, m.raw)).rejects.toThrow(/ECONNREFUSED/);
    await sink.start(port);
    await expect(p.send(m.envelope, m.raw)).resolves.toMatchObject({ response: expect.stringMatching(/^250/) });
    expect(sink.received.map((r) => r.messageId)).toEqual(["<pool.500@open-letters.test>"]);
  });

  it("signs in to a relay that asks for credentials, and reports wrong ones", async () => {
    const delivered: string[] = [];
    const relay = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === "relay-user" && auth.password === "s3cret pass"
          ? callback(null, { user: auth.username })
          : callback(new Error("Invalid username or password")),
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on("end", () => {
          delivered.push(String(session.user));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", () => resolve()));
    const relayPort = (relay.server.address() as AddressInfo).port;
    try {
      const m = await message(600);
      await pool({ port: relayPort, user: "relay-user", pass: "s3cret pass" }).send(m.envelope, m.raw);
      expect(delivered).toEqual(["relay-user"]);
      await expect(
        pool({ port: relayPort, user: "relay-user", pass: "wrong" }).send(m.envelope, m.raw),
      ).rejects.toMatchObject({ code: "EAUTH", responseCode: 535 });
      await expect(pool({ port: relayPort }).send(m.envelope, m.raw)).rejects.toMatchObject({ responseCode: 530 });
      expect(delivered).toEqual(["relay-user"]);
    } finally {
      pools.splice(0).forEach((p) => p.close());
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});
