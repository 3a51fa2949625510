// No personal data in the logs: a full run against an app server and a worker of this spec's own (the `npm start` entry
// point with START_WORKER=false, and `npm run worker`), with unique canary values in every name, address, comment and
// letter; a real SMTP server that refuses some messages (quoting the address, as relays do); an unexpected database
// error whose details carry the row; validation errors; an organizer export; and a database outage, through a proxy
// the spec cuts, during which pages and the API must answer quickly and clearly and recover by themselves. Everything
// both processes write to stdout and stderr is kept: every line must be a JSON log record (production's format), the
// errors must be there with the id of the request that met them, and no canary may appear anywhere in it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { e2eDatabaseUrl } from "../../playwright.config";
import { flagshipCampaign } from "../../prisma/seed-data/flagship";
import { SmtpSink } from "../integration/smtp-sink";
import { TcpProxy } from "../integration/tcp-proxy";
import { expect, expectNoAxeViolations, linkIn, test } from "./fixtures";

const tok = `cnry${randomBytes(5).toString("hex")}`;
const canary = {
  signerName: `Signer ${tok}name`,
  signerEmail: `${tok}.signer@example.org`,
  signerComment: `My family in Hyesan ${tok}comment`,
  withdrawnEmail: `${tok}.withdrawn@example.org`,
  withdrawnName: `Withdrawn ${tok}name`,
  refusedEmail: `${tok}.refused@example.org`,
  writerName: `Writer ${tok}name`,
  writerEmail: `${tok}.writer@example.org`,
  writerStreet: `${tok}street 12`,
  writerCity: `Seoul ${tok}city`,
  letterSubject: `About my uncle ${tok}subject`,
  letterBody: `Dear Mr. President,\n\nMy uncle ${tok}body was sent to Camp 15 in 2009 and we have not heard from him since. Please raise the prison camps with Kim Jong Un.\n\nSincerely`,
  organizerEmail: `${tok}.organizer@example.org`,
};

const dbUrl = new URL(e2eDatabaseUrl);
dbUrl.pathname = `${dbUrl.pathname}_logs`;
const directUrl = dbUrl.toString();
const proxy = new TcpProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
const sink = new SmtpSink();
const password = "logs organizer password";
let base = "";
const publicUrl = "https://letters.logs.example.test";
/** A link from an email (to the public address) as this spec reaches it, behind the proxy. */
const local = (link: string) => link.replace(publicUrl, base);
/** What each process wrote, stream by stream. */
const output: Record<string, string> = {};
let app: ChildProcess;
let worker: ChildProcess;
let campaign: { id: string; slug: string };
/** The ids of requests that met an error, by what the logs must say about them. */
const failedRequests: { id: string; component: string; msg: string; route?: string }[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function capture(child: ChildProcess, name: string) {
  for (const stream of ["stdout", "stderr"] as const) {
    output[`${name} ${stream}`] = "";
    child[stream]!.on("data", (d: Buffer) => (output[`${name} ${stream}`] += d.toString()));
  }
}

type LogRecord = { time: string; level: string; component: string; msg: string; [field: string]: unknown };

/** Every complete line written so far, as the JSON log record it must be (a line that is not one fails the test). */
function records(): (LogRecord & { from: string })[] {
  return Object.entries(output).flatMap(([from, text]) =>
    text
      .split("\n")
      .slice(0, -1)
      .map((line) => {
        let record: LogRecord;
        try {
          record = JSON.parse(line);
        } catch {
          throw new Error(`${from} wrote a line that is not a JSON log record: ${line}`);
        }
        expect(record, line).toEqual(
          expect.objectContaining({
            time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
            level: expect.stringMatching(/^(debug|info|warn|error)$/),
            component: expect.any(String),
            msg: expect.any(String),
          }),
        );
        return { ...record, from };
      }),
  );
}

async function mailTo(address: string, subject?: RegExp) {
  await expect
    .poll(
      () =>
        sink.received.some(
          (m) => m.to.toLowerCase().includes(address.toLowerCase()) && (!subject || subject.test(m.subject)),
        ),
      { timeout: 45_000 },
    )
    .toBe(true);
  return sink.received
    .filter((m) => m.to.toLowerCase().includes(address.toLowerCase()) && (!subject || subject.test(m.subject)))
    .at(-1)!;
}

/** The form token the campaign's page (or its letter page) renders, as any script posting to the API must fetch it. */
async function formTokenFor(path: string): Promise<string | undefined> {
  const page = path.endsWith("/letters") ? `/en/c/${campaign.slug}/write` : `/en/c/${campaign.slug}`;
  const html = await (await fetch(`${base}${page}`)).text();
  return (
    /name="formToken"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*name="formToken"/.exec(html)?.[1]
  );
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  if (/\/(signatures|letters)$/.test(path) && body && typeof body === "object" && !("formToken" in body)) {
    body = { ...body, formToken: await formTokenFor(path).catch(() => undefined) };
  }
  const started = Date.now();
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: await res.json().catch(() => null),
    ms: Date.now() - started,
    retryAfter: res.headers.get("retry-after"),
    requestId: res.headers.get("x-request-id"),
  };
}

const signer = (overrides: Record<string, unknown>) => ({
  country: "US",
  region: "CA",
  postalCode: "94103",
  wantsUpdates: true,
  ...overrides,
});

test.describe.serial("logs and outages", () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const admin = new pg.Client({ connectionString: new URL("/postgres", dbUrl).toString() });
    await admin.connect();
    const name = dbUrl.pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    await proxy.start();
    await sink.start();
    sink.quoteRecipient = true;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const viaProxy = new URL(directUrl);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const env = {
      ...process.env,
      APP_ENV: "production",
      // Production is served over https (a proxy in front terminates TLS); this spec talks to the app behind it.
      APP_URL: publicUrl,
      APP_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: viaProxy.toString(),
      SMTP_URL: "",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: "false",
      MAIL_FROM: "Open Letters <letters@open-letters.example.test>",
      MAIL_RETRY_DELAY_SECONDS: "1",
      START_WORKER: "false",
      // The script posts as soon as it has the page's form token: no minimum time to fill the form in.
      SIGN_MIN_SECONDS: "0",
      // The run delivers a letter right after confirming it: no cooling-off hold here (letter-privacy.spec tests it).
      LETTER_HOLD_HOURS: "0",
      LETTER_MIN_SECONDS: "0",
    };
    // Production never migrates on start: the operator runs `npm run db:migrate` first.
    // Straight to Postgres: spawnSync holds this process, which also runs the proxy.
    const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
      env: { ...env, DATABASE_URL: directUrl },
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    app = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    capture(app, "app");
    await expect
      .poll(async () => (await fetch(`${base}/en`).catch(() => null))?.status, { timeout: 180_000, intervals: [1000] })
      .toBe(200);
    worker = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    capture(worker, "worker");
    await expect
      .poll(() => records().some((r) => r.component === "worker" && r.msg === "sending queued mail and deliveries"), {
        timeout: 60_000,
      })
      .toBe(true);

    // An organization with an owner, and an open campaign with one topic, written straight to the database.
    const orgId = randomUUID();
    const userId = randomUUID();
    campaign = { id: randomUUID(), slug: `logs-${tok}` };
    await sql(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, 'Logs Coalition')`, [
      orgId,
      `logs-org-${tok}`,
    ]);
    await sql(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'Organizer', $2, true)`, [
      userId,
      canary.organizerEmail,
    ]);
    await sql(
      `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
      [randomUUID(), userId, await hashPassword(password)],
    );
    await sql(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'owner')`, [
      randomUUID(),
      orgId,
      userId,
    ]);
    await sql(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, sender_email, throttle_per_minute, updated_at)
       VALUES ($1, $2, $3, 'open', 100, 'target@example.test', 'Logs Coalition <letters@coalition.example.test>', 100, now())`,
      [campaign.id, orgId, campaign.slug],
    );
    for (const locale of ["en", "ko"]) {
      await sql(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, target_name) VALUES ($1, $2, 'Logs', 'Logs', 'Context', 'Dear President,\n\nAct.', 'The President')`,
        [campaign.id, locale],
      );
    }
    const topic = flagshipCampaign.topics[0]!;
    const topicId = randomUUID();
    await sql(`INSERT INTO campaign_topic (id, campaign_id, key, position) VALUES ($1, $2, $3, 0)`, [
      topicId,
      campaign.id,
      topic.key,
    ]);
    for (const locale of ["en", "ko"] as const) {
      const t = topic.texts[locale];
      await sql(
        `INSERT INTO campaign_topic_translation (topic_id, locale, title, fact, ask, source, paragraph) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [topicId, locale, t.title, t.fact, t.ask, t.source, t.paragraph],
      );
    }
  });

  test.afterAll(async () => {
    for (const child of [worker, app]) {
      if (child && child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    }
    await proxy.stop();
    await sink.stop();
  });

  test("a full run: sign, confirm, withdraw, write, deliver, export, refuse, fail", async ({ page }) => {
    test.setTimeout(240_000);
    const slug = campaign.slug;
    // The relay answers the first signer's confirmation with a 4xx (retried) and refuses another address for good.
    sink.plan(canary.signerEmail, 451);
    sink.plan(canary.refusedEmail, 550);
    sink.plan("target@example.test", 451);

    expect(
      (
        await post(
          `/api/campaigns/${slug}/signatures`,
          signer({ name: canary.signerName, email: canary.signerEmail, comment: canary.signerComment }),
        )
      ).status,
    ).toBe(202);
    expect(
      (
        await post(
          `/api/campaigns/${slug}/signatures`,
          signer({ name: canary.withdrawnName, email: canary.withdrawnEmail }),
        )
      ).status,
    ).toBe(202);
    expect(
      (await post(`/api/campaigns/${slug}/signatures`, signer({ name: canary.signerName, email: canary.refusedEmail })))
        .status,
    ).toBe(202);

    // Validation errors carrying the canaries.
    const invalid = await post(
      `/api/campaigns/${slug}/signatures`,
      signer({ name: canary.signerName.repeat(20), email: `${tok}@`, comment: canary.signerComment }),
    );
    expect(invalid.status).toBe(422);
    expect(
      (
        await post(`/api/campaigns/${slug}/letters`, {
          name: canary.writerName,
          email: canary.writerEmail,
          subject: canary.letterSubject,
          body: "short",
        })
      ).status,
    ).toBe(422);

    // Confirm (after the relay's 4xx), then withdraw the second signer.
    for (const email of [canary.signerEmail, canary.withdrawnEmail]) {
      const mail = await mailTo(email);
      await page.goto(local(linkIn(mail.text, /\/en\/confirm\//)));
      await page.getByRole("button", { name: "Confirm my signature" }).click();
      await expect(page.getByText("Your signature is confirmed and counted.")).toBeVisible();
    }
    await page.goto(local(linkIn((await mailTo(canary.withdrawnEmail)).text, /\/en\/withdraw\//)));
    await page.getByRole("button", { name: "Withdraw my signature" }).click();
    await expect(page.getByText("Your signature has been withdrawn")).toBeVisible();
    // The refused address: the relay's 550 (quoting it) is recorded as the message's failure.
    await expect
      .poll(
        async () =>
          (await sql(`SELECT status::text FROM outbox_message WHERE "to" = $1`, [canary.refusedEmail]))[0]?.status,
        { timeout: 30_000 },
      )
      .toBe("failed");

    // A letter, written and confirmed.
    const letter = await post(`/api/campaigns/${slug}/letters`, {
      topics: [flagshipCampaign.topics[0]!.key],
      subject: canary.letterSubject,
      body: canary.letterBody,
      language: "en",
      writerRole: "relative",
      name: canary.writerName,
      email: canary.writerEmail,
      street: canary.writerStreet,
      city: canary.writerCity,
      country: "KR",
      alsoSign: true,
      wantsUpdates: true,
    });
    expect(letter.status).toBe(202);
    await page.goto(local(linkIn((await mailTo(canary.writerEmail)).text, /\/en\/letters\/confirm\//)));
    await page.getByRole("button", { name: "Confirm my letter" }).click();
    await expect(page.getByText(/Your letter is confirmed and will be delivered/)).toBeVisible();

    // An unexpected database error whose details carry the row (a check constraint's "Failing row contains (…)").
    await sql(
      `ALTER TABLE signature ADD CONSTRAINT logs_trap CHECK (comment IS NULL OR comment NOT LIKE '%TRAPDOOR%')`,
    );
    const trapped = await post(
      `/api/campaigns/${slug}/signatures`,
      signer({
        name: canary.signerName,
        email: `${tok}.trap@example.org`,
        comment: `TRAPDOOR ${canary.signerComment}`,
      }),
    );
    expect(trapped.status).toBe(500);
    expect(trapped.requestId).toMatch(/^[0-9a-f-]{36}$/);
    failedRequests.push({ id: trapped.requestId!, component: "api", msg: "unexpected error", route: "sign" });
    await sql(`ALTER TABLE signature DROP CONSTRAINT logs_trap`);

    // Delivery to the target (the relay answers 451 first): the digest of signers and the letter itself.
    const boss = new PgBoss({ connectionString: directUrl, supervise: false, schedule: false });
    await boss.start();
    await boss.send("delivery.tick", {});
    await boss.stop({ graceful: false });
    const letterMail = await mailTo("target@example.test", new RegExp(canary.letterSubject));
    expect(letterMail.text).toContain(`${tok}body`);
    await expect
      .poll(
        () =>
          sink.received.some(
            (m) => m.to.includes("target@example.test") && m.attachments.some((a) => a.filename.endsWith(".csv")),
          ),
        { timeout: 45_000 },
      )
      .toBe(true);

    // The organizer signs in and exports the signers with letters and addresses.
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: publicUrl },
      body: JSON.stringify({ email: canary.organizerEmail, password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const exported = await fetch(
      `${base}/api/organizer/campaigns/${campaign.id}/exports/signers?include=letters,addresses`,
      { headers: { cookie } },
    );
    expect(exported.status).toBe(200);
    const csv = await exported.text();
    expect(csv).toContain(canary.signerName);
    expect(csv).toContain(`${tok}body`);
    // A failed sign-in with the organizer's address, too.
    const wrong = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: publicUrl },
      body: JSON.stringify({ email: canary.organizerEmail, password: "not the password" }),
    });
    expect(wrong.status).toBe(401);
  });

  test("while Postgres is away, pages and the API answer quickly and clearly, and recover by themselves", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const slug = campaign.slug;
    const confirmPage = `${base}/en/confirm/${randomBytes(32).toString("base64url")}`;
    await page.goto(confirmPage);
    await expect(page.getByRole("heading", { level: 1, name: "Confirm your signature" })).toBeVisible();

    for (const cut of ["refuse", "blackhole"] as const) {
      if (cut === "refuse") await proxy.refuse();
      else proxy.blackhole();
      // Connect timeout (5 s) and query timeout (10 s) bound every wait.
      const limit = cut === "refuse" ? 5_000 : 17_000;
      const api = await post(
        `/api/campaigns/${slug}/signatures`,
        signer({ name: canary.signerName, email: `${tok}.${cut}@example.org`, comment: canary.signerComment }),
      );
      expect({ status: api.status, code: api.body?.error?.code, retryAfter: api.retryAfter }).toEqual({
        status: 503,
        code: "service_unavailable",
        retryAfter: "5",
      });
      expect(api.ms).toBeLessThan(limit);
      failedRequests.push({ id: api.requestId!, component: "api", msg: "database unavailable", route: "sign" });

      // The server answers within the same bounds (plus rendering on a busy machine), with an error status ...
      const started = Date.now();
      const html = await fetch(confirmPage);
      const ms = Date.now() - started;
      expect(html.status).toBe(500);
      // The page's request id (given by proxy.ts) names the error Next met rendering it; the token is not written.
      failedRequests.push({
        id: html.headers.get("x-request-id")!,
        component: "next",
        msg: "unhandled error in render /[locale]/confirm/[token]",
      });
      expect(ms).toBeLessThan(limit + 3_000);
      // ... and the reader sees a page that says so and offers to try again.
      await page.goto(confirmPage, { timeout: limit + 10_000 });
      await expect(page.locator("#main").getByRole("alert")).toContainText("Something went wrong");
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      if (cut === "refuse") await expectNoAxeViolations(page);

      await proxy.restore();
      await expect(async () => {
        await page.goto(confirmPage);
        await expect(page.getByRole("heading", { level: 1, name: "Confirm your signature" })).toBeVisible({
          timeout: 1000,
        });
      }).toPass({ timeout: 30_000 });
      await expect
        .poll(
          async () =>
            (
              await post(
                `/api/campaigns/${slug}/signatures`,
                signer({ name: "After The Outage", email: `after-${cut}-${randomUUID().slice(0, 8)}@example.test` }),
              )
            ).status,
          { timeout: 30_000 },
        )
        .toBe(202);
    }
    expect(worker.exitCode).toBeNull();
    expect(app.exitCode).toBeNull();
  });

  test("nothing personal in what the app server and the worker wrote", async () => {
    for (const child of [worker, app]) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    const logs = Object.entries(output)
      .map(([from, text]) => `── ${from}\n${text}`)
      .join("\n");
    await test.info().attach("app-and-worker.log", { body: logs, contentType: "text/plain" });
    // Every line is a JSON log record: ours, Next's own (relayed by `npm start`), the worker's.
    const all = records();
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((r) => r.component === "next" && r.from === "app stdout")).toBe(true);
    expect(all.some((r) => r.component === "start" && r.msg.startsWith("open the app"))).toBe(true);
    // better-auth's lines (the failed sign-in) and pg-boss's errors (the outage) are records of their own components.
    expect(all.some((r) => r.component === "auth" && r.level === "warn")).toBe(true);
    expect(all.some((r) => r.component === "jobs" && r.msg === "pg-boss error" && r.from === "worker stderr")).toBe(
      true,
    );
    // The logs report what went wrong, each with the id of the request that met it (the one its answer carried).
    for (const failed of failedRequests) {
      expect(all, JSON.stringify(failed)).toContainEqual(
        expect.objectContaining({
          level: "error",
          component: failed.component,
          msg: failed.msg,
          requestId: failed.id,
          error: expect.any(String),
          ...(failed.route ? { route: failed.route } : {}),
        }),
      );
    }
    expect(new Set(failedRequests.map((f) => f.id)).size).toBe(failedRequests.length);
    // And nothing personal, in any line, whatever its shape.
    const leaks = logs.split("\n").filter((line) => line.toLowerCase().includes(tok));
    expect(leaks).toEqual([]);
  });
});
