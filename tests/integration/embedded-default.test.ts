// The zero-setup default as a newcomer runs it: `npm start` with no DATABASE_URL starts a real embedded Postgres,
// migrates, seeds, runs the worker and serves. Under concurrency (two organizations reading their campaigns while
// signatures arrive) every answer must be the expected one and no organization may see the other's rows; Ctrl-C
// stops the server cleanly, and the next start finds the signatures still there.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeEmbeddedData } from "@/lib/cli/embedded-postgres";
import { runningEmbeddedUrl } from "@/lib/cli/local-database";

const root = resolve(import.meta.dirname, "../..");
mkdirSync(join(root, ".data"), { recursive: true });
const parent = mkdtempSync(join(root, ".data", "test-default-"));
chmodSync(parent, 0o755); // as root, the server runs as the `postgres` user, which must reach its folder
const dataDir = join(parent, "postgres");
const mailbox = join(parent, "mailbox");
const password = "embedded default organizer password";
let port = 0;
let base = "";
let app: ChildProcess | null = null;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => done(p));
    });
  });
}

/** `npm start`'s own entry point, with nothing configured but where to keep this test's data. */
async function startApp(): Promise<void> {
  const { DATABASE_URL: _db, SMTP_URL: _smtp, SMTP_HOST: _host, ...inherited } = process.env;
  app = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      APP_ENV: "development",
      PORT: String(port),
      APP_URL: base,
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(port + 1),
      MAILBOX_DIR: mailbox,
      // One test client signs 200 times in a few seconds: that is this test's load, not an attack.
      SIGN_MIN_SECONDS: "0",
      RATE_IP_BURST: "100000",
      RATE_IP_HOURLY: "100000",
      CHALLENGE_CAMPAIGN_PER_MINUTE: "100000",
      CHALLENGE_NETWORK_PER_10_MINUTES: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  app.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 240_000;
  while (
    !(await fetch(`${base}/en`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (app.exitCode !== null) throw new Error(`npm start exited (${app.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 240 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Ctrl-C, as in a terminal: the app and worker stop, then the database. */
async function stopApp(): Promise<void> {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((r) => app!.once("exit", r));
  app.kill("SIGINT");
  await exited;
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: runningEmbeddedUrl(dataDir)! });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** An organization with an owner and an open campaign, written to the embedded database. */
async function organization(name: string) {
  const [organizationId, userId, campaignId] = [randomUUID(), randomUUID(), randomUUID()];
  const slug = `${name}-${organizationId.slice(0, 8)}`;
  const email = `${slug}@example.test`;
  await sql("INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)", [organizationId, slug, `Org ${name}`]);
  await sql(
    `INSERT INTO "user" (id, email, name, email_verified, created_at, updated_at) VALUES ($1, $2, 'Owner', true, now(), now())`,
    [userId, email],
  );
  await sql(
    `INSERT INTO account (id, user_id, account_id, provider_id, password, created_at, updated_at) VALUES ($1, $2, $2, 'credential', $3, now(), now())`,
    [randomUUID(), userId, await hashPassword(password)],
  );
  await sql("INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'owner')", [
    randomUUID(),
    organizationId,
    userId,
  ]);
  await sql(
    `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 1000, 'target@example.test', now())`,
    [campaignId, organizationId, slug],
  );
  for (const locale of ["en", "ko"]) {
    await sql(
      `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name) VALUES ($1, $2, $3, 'S', 'C', 'L', '', 'T')`,
      [campaignId, locale, `Campaign ${slug}`],
    );
  }
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { organizationId, campaignId, slug, cookie };
}

async function formToken(slug: string): Promise<string> {
  const html = await (await fetch(`${base}/en/c/${slug}`)).text();
  return (/name="formToken"[^>]*value="([^"]+)"/.exec(html) ?? /value="([^"]+)"[^>]*name="formToken"/.exec(html))![1]!;
}

/** Runs the tasks with at most `width` in flight, in the order given. */
async function inFlight<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

beforeAll(async () => {
  port = await freePort();
  base = `http://localhost:${port}`;
  await startApp();
}, 300_000);

afterAll(async () => {
  await stopApp();
  removeEmbeddedData(dataDir);
  rmSync(parent, { recursive: true, force: true });
}, 60_000);

describe("npm start with no DATABASE_URL", () => {
  it("runs a real PostgreSQL server, migrated and seeded", async () => {
    expect(output).toMatch(/embedded Postgres ready on 127\.0\.0\.1:\d+/);
    const [row] = await sql<{ server_version: string }>("SHOW server_version");
    expect(Number(row!.server_version.split(".")[0])).toBeGreaterThanOrEqual(16);
    expect(await sql("SELECT 1 FROM campaign WHERE slug = 'human-rights-on-the-agenda'")).toHaveLength(1);
  });

  it("answers 400 mixed requests of two organizations and 200 signers exactly as expected, none with the other's rows", async () => {
    const [a, b] = [await organization("alpha"), await organization("beta")];
    const tokens = { [a.slug]: await formToken(a.slug), [b.slug]: await formToken(b.slug) };
    const wrong: string[] = [];
    const organizerTask = (me: typeof a, other: typeof a, i: number) => async () => {
      const kind = i % 4;
      if (kind === 0) {
        const res = await fetch(`${base}/api/organizer/campaigns`, { headers: { cookie: me.cookie } });
        const body = await res.text();
        if (
          res.status !== 200 ||
          !body.includes(me.campaignId) ||
          body.includes(other.campaignId) ||
          body.includes(other.slug)
        ) {
          wrong.push(`list ${me.slug}: ${res.status} ${body.slice(0, 200)}`);
        }
      } else if (kind === 1) {
        const res = await fetch(`${base}/api/organizer/campaigns/${me.campaignId}/counts`, {
          headers: { cookie: me.cookie },
        });
        if (res.status !== 200) wrong.push(`own counts ${me.slug}: ${res.status}`);
      } else if (kind === 2) {
        const res = await fetch(`${base}/api/organizer/campaigns/${other.campaignId}/counts`, {
          headers: { cookie: me.cookie },
        });
        if (res.status !== 404) wrong.push(`other's counts from ${me.slug}: ${res.status}`);
      } else {
        const res = await fetch(`${base}/en/c/${me.slug}`);
        if (res.status !== 200) wrong.push(`public page ${me.slug}: ${res.status}`);
      }
    };
    const signTask = (campaign: typeof a, i: number) => async () => {
      const res = await fetch(`${base}/api/campaigns/${campaign.slug}/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: `Signer ${i}`,
          email: `signer-${i}-${campaign.slug}@example.test`,
          country: "US",
          region: "CA",
          formToken: tokens[campaign.slug],
        }),
      });
      if (res.status !== 202) wrong.push(`sign ${campaign.slug} #${i}: ${res.status} ${await res.text()}`);
    };
    const tasks: (() => Promise<void>)[] = [];
    for (let i = 0; i < 200; i++) {
      tasks.push(organizerTask(i % 2 ? a : b, i % 2 ? b : a, i >> 1), signTask(i % 2 ? a : b, i));
    }
    await inFlight(tasks, 40);
    expect(wrong).toEqual([]);

    const counts = await sql<{ slug: string; n: number }>(
      "SELECT c.slug, count(s.id)::int AS n FROM campaign c JOIN signature s ON s.campaign_id = c.id WHERE c.slug = ANY($1) AND s.status = 'pending' GROUP BY c.slug ORDER BY c.slug",
      [[a.slug, b.slug]],
    );
    expect(counts).toEqual([
      { slug: a.slug, n: 100 },
      { slug: b.slug, n: 100 },
    ]);
    // The worker sends every confirmation to the local mailbox.
    await expect
      .poll(() => readdirSync(mailbox).filter((f) => f.endsWith(".eml")).length, { timeout: 60_000, interval: 1000 })
      .toBeGreaterThanOrEqual(200);
  }, 180_000);

  it("stops cleanly on Ctrl-C and starts again with the data intact", async () => {
    const before = await sql<{ n: number }>("SELECT count(*)::int AS n FROM signature");
    await stopApp();
    expect(output).toMatch(/embedded Postgres stopped/);
    expect(runningEmbeddedUrl(dataDir)).toBeNull();
    output = "";
    const started = Date.now();
    await startApp();
    console.log(`[embedded-default] restart answered in ${Date.now() - started} ms`);
    expect(output).not.toMatch(/first start/);
    expect(await sql("SELECT count(*)::int AS n FROM signature")).toEqual(before);
  }, 300_000);
});
