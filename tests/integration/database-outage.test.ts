// Postgres stopped or unreachable for a while: the app answers 503 with Retry-After within seconds, acknowledges
// nothing it did not store, and recovers by itself; the worker survives and sends the mail that waited. The app and
// the worker each reach Postgres through a TCP proxy (tcp-proxy.ts) the test cuts, with the shipped timeouts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { testDatabaseUrl } from "../../vitest.config";
import { SmtpSink } from "./smtp-sink";
import { TcpProxy } from "./tcp-proxy";

const target = new URL(testDatabaseUrl);
const appProxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
const workerProxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
const sink = new SmtpSink();
/** Straight to Postgres, never cut: what the test checks the app against. */
const direct = new pg.Pool({ connectionString: testDatabaseUrl, max: 2 });

function viaProxy(proxy: TcpProxy): string {
  const url = new URL(testDatabaseUrl);
  url.host = `127.0.0.1:${proxy.port}`;
  return url.toString();
}

let m: {
  db: typeof import("@/lib/infra/db");
  boss: typeof import("@/lib/infra/queue/boss");
  http: typeof import("@/lib/infra/http");
  sign: typeof import("@/app/api/campaigns/[slug]/signatures/route");
  count: typeof import("@/app/api/campaigns/[slug]/count/route");
  helpers: typeof import("./helpers");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  transport: typeof import("@/lib/infra/mail/transport");
  claim: typeof import("@/lib/infra/outbox/claim-outbox-messages");
  outboxWorker: typeof import("@/lib/infra/outbox/outbox-worker");
};

beforeAll(async () => {
  await appProxy.start();
  await workerProxy.start();
  await sink.start();
  // lib/infra/env is read on first import: the app in this process goes through the proxy, with the default timeouts.
  process.env.DATABASE_URL = viaProxy(appProxy);
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: "false",
    SMTP_URL: "",
  });
  delete process.env.DATABASE_CONNECT_TIMEOUT_SECONDS;
  delete process.env.DATABASE_QUERY_TIMEOUT_SECONDS;
  m = {
    db: await import("@/lib/infra/db"),
    boss: await import("@/lib/infra/queue/boss"),
    http: await import("@/lib/infra/http"),
    sign: await import("@/app/api/campaigns/[slug]/signatures/route"),
    count: await import("@/app/api/campaigns/[slug]/count/route"),
    helpers: await import("./helpers"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    transport: await import("@/lib/infra/mail/transport"),
    claim: await import("@/lib/infra/outbox/claim-outbox-messages"),
    outboxWorker: await import("@/lib/infra/outbox/outbox-worker"),
  };
});

afterAll(async () => {
  await appProxy.restore();
  await m.boss.stopBoss();
  await m.db.closeDb();
  m.transport.closeMailTransport();
  await appProxy.stop();
  await workerProxy.stop();
  await sink.stop();
  await direct.end();
}, 60_000);

type Answer = { status: number; ms: number; retryAfter: string | null; code?: string; email: string };

async function sign(
  slug: string,
  email = `outage-${Math.random().toString(36).slice(2, 10)}@example.test`,
): Promise<Answer> {
  const started = Date.now();
  const res = await m.sign.POST(
    m.helpers.jsonRequest(`/api/campaigns/${slug}/signatures`, m.helpers.signer({ email })),
    m.helpers.params({ slug }),
  );
  const body = (await res.json()) as { error?: { code: string } };
  return {
    status: res.status,
    ms: Date.now() - started,
    retryAfter: res.headers.get("retry-after"),
    code: body.error?.code,
    email,
  };
}

async function stored(email: string): Promise<boolean> {
  const { rows } = await direct.query(`SELECT 1 FROM signature WHERE email = $1`, [email]);
  return rows.length === 1;
}

/** Every 202 the app gave is a row in the table. */
async function expectAcknowledgedStored(answers: Answer[]) {
  for (const a of answers.filter((x) => x.status === 202)) expect(await stored(a.email), a.email).toBe(true);
}

async function expectRecovers(slug: string, answers: Answer[]) {
  const started = Date.now();
  let last: Answer | undefined;
  while (Date.now() - started < 20_000) {
    last = await sign(slug);
    answers.push(last);
    if (last.status === 202) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(last?.status).toBe(202);
  expect(await stored(last!.email)).toBe(true);
}

function expectUnavailable(a: Answer, withinMs: number) {
  expect({ status: a.status, code: a.code, retryAfter: a.retryAfter }).toEqual({
    status: 503,
    code: "service_unavailable",
    retryAfter: "5",
  });
  expect(a.ms).toBeLessThan(withinMs);
}

describe("the app while Postgres is away", () => {
  it("answers 503 at once while Postgres refuses connections, stores nothing it acknowledged, and recovers by itself", async () => {
    const campaign = await m.helpers.createCampaign();
    const answers: Answer[] = [await sign(campaign.slug)];
    expect(answers[0]!.status).toBe(202);

    await appProxy.refuse();
    // Pooled connections were reset under it and new ones are refused: both fail fast.
    const during = await Promise.all([sign(campaign.slug), sign(campaign.slug), sign(campaign.slug)]);
    answers.push(...during);
    for (const a of during) {
      expectUnavailable(a, 5_000);
      expect(await stored(a.email)).toBe(false);
    }
    const count = await m.count.GET(new Request("http://localhost:3000/x"), m.helpers.params({ slug: campaign.slug }));
    expect(count.status).toBe(503);
    // Prisma's errors for the same outage are recognised as well (pages and organizer routes read through Prisma).
    const prismaError = await m.db.prisma.campaign.findFirst({ where: { id: campaign.id } }).catch((e: unknown) => e);
    expect(m.http.isDatabaseUnavailable(prismaError)).toBe(true);

    await appProxy.restore();
    await expectRecovers(campaign.slug, answers);
    await expectAcknowledgedStored(answers);
  });

  it("answers 503 within the timeouts when the network goes silent, instead of hanging, and recovers by itself", async () => {
    const campaign = await m.helpers.createCampaign();
    const answers: Answer[] = [];
    // Several connections in the pool, so some requests meet an open connection that stops answering (query
    // timeout) and others must open a new one that is never answered (connect timeout).
    answers.push(...(await Promise.all([sign(campaign.slug), sign(campaign.slug), sign(campaign.slug)])));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);

    appProxy.blackhole();
    const during = await Promise.all(Array.from({ length: 12 }, () => sign(campaign.slug)));
    answers.push(...during);
    // DATABASE_QUERY_TIMEOUT_SECONDS (10) at most, plus a connect timeout (5) for a request queued behind them.
    for (const a of during) expectUnavailable(a, 17_000);
    const prismaError = await m.db.prisma.campaign.findFirst({ where: { id: campaign.id } }).catch((e: unknown) => e);
    expect(m.http.isDatabaseUnavailable(prismaError)).toBe(true);

    await appProxy.restore();
    await expectRecovers(campaign.slug, answers);
    // What was written before the cut reaches Postgres once it returns; none of it may be a commit we answered 503 for
    // without storing, nor a 202 for a row that is not there.
    await new Promise((r) => setTimeout(r, 1000));
    await expectAcknowledgedStored(answers);
    for (const a of during) expect(await stored(a.email), a.email).toBe(false);
  }, 60_000);
});

describe("sending mail while Postgres goes silent", () => {
  it("keeps a message the relay accepted as sent when recording it times out, and does not send it as new", async () => {
    const campaign = await m.helpers.createCampaign();
    const signed = await sign(campaign.slug);
    expect(signed.status).toBe(202);
    const { rows } = await direct.query<{ id: string }>(
      `SELECT m.id FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.email = $1`,
      [signed.email],
    );
    const outboxId = rows[0]!.id;

    // The relay takes its time; the network goes silent while it does, so recording "sent" cannot be answered.
    sink.delayMs = 3000;
    const sending = m.deliver.deliverOutboxMessage(outboxId, { retryCount: 0, retryLimit: 5 }).then(
      (outcome) => ({ outcome, error: null as unknown }),
      (error: unknown) => ({ outcome: null, error }),
    );
    // Claimed and rendered: the relay is receiving it when the network goes silent.
    await expect.poll(() => sink.inFlight, { timeout: 10_000, interval: 20 }).toBe(1);
    appProxy.blackhole();
    // Back a little after the query timeout: what was written meanwhile reaches Postgres now.
    setTimeout(() => void appProxy.restore(), 16_000);
    const result = await sending;
    sink.delayMs = 0;
    expect(result.error).toBeInstanceOf(m.deliver.RetryableMailError);
    expect(sink.received.filter((mail) => mail.to.includes(signed.email))).toHaveLength(1);

    // Once Postgres answers again the message is sent, and stays so: the retry finds nothing left to do.
    await expect
      .poll(
        async () => (await direct.query(`SELECT status::text FROM outbox_message WHERE id = $1`, [outboxId])).rows[0],
        { timeout: 15_000 },
      )
      .toEqual({ status: "sent" });
    await new Promise((r) => setTimeout(r, 6_000)); // longer than the connect timeout: any late statement has landed
    expect((await direct.query(`SELECT status::text FROM outbox_message WHERE id = $1`, [outboxId])).rows[0]).toEqual({
      status: "sent",
    });
    expect(await m.deliver.deliverOutboxMessage(outboxId, { retryCount: 1, retryLimit: 5 })).toBe("skipped");
    const { rows: events } = await direct.query<{ status: string }>(
      `SELECT status::text FROM outbox_event WHERE message_id = $1 ORDER BY id`,
      [outboxId],
    );
    expect(events.map((e) => e.status)).toEqual(["sending", "sent"]);
  }, 60_000);
});

describe("the worker while Postgres is away", () => {
  let worker: ChildProcess;
  let output = "";

  beforeAll(() => {
    worker = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: viaProxy(workerProxy),
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(sink.port),
        SMTP_SECURE: "false",
        SMTP_URL: "",
        MAIL_RETRY_DELAY_SECONDS: "1",
        JOB_EXPIRE_SECONDS: "5",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    worker.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  });

  afterAll(async () => {
    if (worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
    }
  }, 30_000);

  const received = (email: string) => sink.received.some((mail) => mail.to.includes(email));

  it("keeps running through a refused and a silent database and sends the mail that waited", async () => {
    const campaign = await m.helpers.createCampaign();
    const first = await sign(campaign.slug);
    expect(first.status).toBe(202);
    await expect.poll(() => received(first.email), { timeout: 30_000, interval: 200 }).toBe(true);

    for (const cut of ["refuse", "blackhole"] as const) {
      if (cut === "refuse") await workerProxy.refuse();
      else workerProxy.blackhole();
      // The app still reaches Postgres: a signer's confirmation waits in the outbox for the worker.
      const waiting = await sign(campaign.slug);
      expect(waiting.status).toBe(202);
      // Longer than the query timeout, so the worker's polls fail and time out a few times.
      await new Promise((r) => setTimeout(r, 12_000));
      expect(received(waiting.email)).toBe(false);
      expect(worker.exitCode, output).toBeNull();

      await workerProxy.restore();
      await expect.poll(() => received(waiting.email), { timeout: 45_000, interval: 250 }).toBe(true);
      expect(worker.exitCode, output).toBeNull();
    }
    // The relay has them; the worker records each as sent right after the relay's answer.
    const sent = async () =>
      (
        await direct.query(
          `SELECT count(*)::int AS n FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.campaign_id = $1 AND m.status = 'sent'`,
          [campaign.id],
        )
      ).rows[0];
    await expect.poll(sent, { timeout: 15_000, interval: 250 }).toEqual({ n: 3 });
    // It said what went wrong, without anyone's address.
    expect(output).toMatch(/could not claim own messages/);
    expect(output).not.toMatch(/outage-[a-z0-9]+@/);

    worker.kill("SIGTERM");
    const code = await new Promise((r) => worker.once("exit", r));
    expect(code).toBe(0);
  }, 180_000);
});

describe("a worker's own claims after an outage", () => {
  it("takes back at once a message it claimed and no longer has in hand, which no other worker may take yet", async () => {
    const campaign = await m.helpers.createCampaign();
    const signed = await sign(campaign.slug);
    const { rows } = await direct.query<{ id: string }>(
      `SELECT m.id FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.email = $1`,
      [signed.email],
    );
    const id = rows[0]!.id;
    const mine = new m.outboxWorker.OutboxWorker();
    const other = new m.outboxWorker.OutboxWorker();
    const claim = async (w: typeof mine) => (await m.claim.claimOutboxMessages(w, { ids: [id] })).map((r) => r.id);

    expect(await claim(mine)).toEqual([id]);
    // In hand: not taken a second time, by anyone.
    expect(await claim(mine)).toEqual([]);
    expect(await claim(other)).toEqual([]);
    // Its try ended without the outcome being recorded (the database was away): the claim stays, JOB_EXPIRE_SECONDS
    // long, and only its own worker takes it back before then.
    mine.release(id);
    expect(await claim(other)).toEqual([]);
    expect(await claim(mine)).toEqual([id]);
    const { rows: claimed } = await direct.query(`SELECT status::text, claimed_by FROM outbox_message WHERE id = $1`, [
      id,
    ]);
    expect(claimed[0]).toEqual({ status: "sending", claimed_by: mine.id });
  });
});

describe("a worker through a 4-second database restart", () => {
  let worker: ChildProcess;
  let output = "";

  beforeAll(() => {
    // The shipped claim length (JOB_EXPIRE_SECONDS, two minutes): what the test proves does not wait for it.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: viaProxy(workerProxy),
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: "false",
      SMTP_URL: "",
    };
    delete env.JOB_EXPIRE_SECONDS;
    worker = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    worker.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  });

  afterAll(async () => {
    sink.release();
    if (worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
    }
  }, 30_000);

  const copies = (email: string) => sink.received.filter((mail) => mail.to.includes(email)).length;
  const statuses = async (emails: string[]) =>
    (
      await direct.query<{ status: string }>(
        `SELECT m.status::text FROM outbox_message m JOIN signature s ON s.id = m.signature_id
          WHERE s.email = ANY($1) ORDER BY s.email`,
        [emails],
      )
    ).rows.map((r) => r.status);

  it("records what the relay accepted meanwhile and sends what waited within seconds of its return, each once", async () => {
    // Other files' campaigns share this database: this worker's milestone tick would mail their signers, and that
    // mail would take the relay connections this test holds. Their milestones count as sent, their waiting (or stale) mail goes.
    await direct.query(
      `INSERT INTO campaign_mailing (id, campaign_id, kind, milestone, enqueued_at)
       SELECT gen_random_uuid(), c.id, 'milestone', m, now()
         FROM campaign c CROSS JOIN unnest(ARRAY['25', '50', '100', 'delivered']) AS m
       ON CONFLICT DO NOTHING`,
    );
    await direct.query(`UPDATE outbox_message SET status = 'cancelled' WHERE status IN ('pending', 'sending')`);
    await expect.poll(() => sink.inFlight, { timeout: 30_000 }).toBe(0);
    const campaign = await m.helpers.createCampaign();
    sink.holding = true;
    const inFlight = [await sign(campaign.slug), await sign(campaign.slug), await sign(campaign.slug)];
    expect(inFlight.map((a) => a.status)).toEqual([202, 202, 202]);
    // Claimed, rendered and on the wire: the relay holds all three mid-DATA when Postgres goes away.
    const held = () => inFlight.filter((a) => sink.heldRecipients.includes(a.email.toLowerCase())).length;
    await expect.poll(held, { timeout: 30_000, interval: 20 }).toBe(3);
    await workerProxy.refuse();
    const restarted = Date.now();
    // The relay accepts them while the worker cannot record it.
    sink.release();
    await expect.poll(() => inFlight.map((a) => copies(a.email)), { timeout: 10_000 }).toEqual([1, 1, 1]);
    // A signer's confirmation arrives meanwhile (the app still reaches Postgres) and waits in the outbox.
    const waiting = await sign(campaign.slug);
    expect(waiting.status).toBe(202);
    // Postgres is back after four seconds.
    await new Promise((r) => setTimeout(r, Math.max(0, 4_000 - (Date.now() - restarted))));
    expect(worker.exitCode, output).toBeNull();
    await workerProxy.restore();
    const back = Date.now();

    const all = [...inFlight, waiting].map((a) => a.email);
    await expect
      .poll(() => statuses(all), { timeout: 30_000, interval: 100 })
      .toEqual(["sent", "sent", "sent", "sent"]);
    const tookMs = Date.now() - back;
    // Seconds, not the two minutes a claim lasts.
    expect(tookMs).toBeLessThan(10_000);
    await expect.poll(() => copies(waiting.email), { timeout: 10_000 }).toBe(1);
    // Each message reached the relay exactly once, and its history says so.
    for (const email of all) expect(copies(email), email).toBe(1);
    const { rows: events } = await direct.query<{ email: string; statuses: string[] }>(
      `SELECT s.email, array_agg(e.status::text ORDER BY e.id) AS statuses
         FROM outbox_event e JOIN outbox_message m ON m.id = e.message_id JOIN signature s ON s.id = m.signature_id
        WHERE s.email = ANY($1) GROUP BY s.email`,
      [all],
    );
    expect(events.map((e) => e.statuses)).toEqual(Array(4).fill(["sending", "sent"]));
    expect(output).toMatch(/could not claim own messages/);
    expect(output).not.toMatch(/outage-[a-z0-9]+@/);
    console.log(`outbox: in-flight messages recorded and the waiting one sent ${tookMs} ms after Postgres returned`);
  }, 120_000);
});
