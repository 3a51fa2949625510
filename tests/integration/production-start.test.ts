// Production as an operator meets it: `npm start` refuses unsafe settings by name before touching the database,
// refuses to serve before `npm run db:migrate` has run, never seeds the demo, and `npm run organizer:create`
// makes the first organization and prints the owner's one-time link to set a password.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { testDatabaseUrl } from "../../vitest.config";

const root = resolve(import.meta.dirname, "../..");
const url = new URL(testDatabaseUrl);
url.pathname = `/open_letters_production_${randomUUID().slice(0, 8)}`;
const databaseUrl = url.toString();
const admin = () => new pg.Client({ connectionString: new URL("/postgres", url).toString() });

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const production = (overrides: Record<string, string | undefined> = {}) => {
  const { DATABASE_URL: _db, SMTP_URL: _url, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: "production",
    APP_ENV: "production",
    APP_URL: "https://letters.example.test",
    APP_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: databaseUrl,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: "2599",
    START_WORKER: "false",
    // Nothing here may start an embedded server: point its folder where none runs.
    EMBEDDED_POSTGRES_DIR: resolve(root, ".data", "no-embedded-server-here"),
    ...overrides,
  } as NodeJS.ProcessEnv;
};

const start = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });

beforeAll(async () => {
  const client = admin();
  await client.connect();
  await client.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
  await client.end();
});

afterAll(async () => {
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
});

describe("npm start in production", () => {
  it.each([
    ["no DATABASE_URL", { DATABASE_URL: undefined }, "DATABASE_URL"],
    ["a short APP_SECRET", { APP_SECRET: "short-secret" }, "APP_SECRET"],
    ["an APP_SECRET of 32 × a", { APP_SECRET: "a".repeat(32) }, "APP_SECRET"],
    [
      "the APP_SECRET the integration tests use",
      { APP_SECRET: "test-secret-test-secret-test-secret-0123456789" },
      "APP_SECRET",
    ],
    ["an http APP_URL", { APP_URL: "http://letters.example.test" }, "APP_URL"],
    ["no SMTP relay", { SMTP_HOST: undefined }, "SMTP_HOST"],
  ])("refuses %s, naming the key, before touching the database", async (_what, change, key) => {
    const run = start(production(change));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`could not start: Invalid environment[\\s\\S]*\\n  ${key}: `));
    expect(run.stdout).not.toMatch(/embedded Postgres|migration/);
    expect(await sql("SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);
  });

  it("refuses to serve before `npm run db:migrate`, which migrates; then serves without seeding the demo", async () => {
    const before = start(production());
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/could not start: .*run `npm run db:migrate` first: \d+ migration\(s\) not applied/);
    expect(await sql("SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);

    const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
      cwd: root,
      env: production(),
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr).toBe(0);

    const port = await freePort();
    const app = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
      cwd: root,
      env: production({ PORT: String(port), HOST: "127.0.0.1" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    app.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    app.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    // A new connection per request: the commands below take seconds, and a kept-alive socket the server closes
    // meanwhile would fail the next request.
    const fresh = { connection: "close" };
    onTestFailed(() => console.log(`[production-start] the app's output:\n${output}`));
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/en`, { headers: fresh }).catch(() => null))?.status, {
          timeout: 240_000,
          interval: 500,
        })
        .toBe(200);
      expect(output).not.toMatch(/seeded|Demo organizer/);
      expect(
        await sql(
          'SELECT (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM campaign)::int AS campaigns, (SELECT count(*) FROM "user")::int AS users',
        ),
      ).toEqual([{ organizations: 0, campaigns: 0, users: 0 }]);

      // The first organizer: the command prints a one-time link; whoever opens it sets the owner's password.
      const create = (args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", "lib/cli/create-organizer.ts", ...args], {
          cwd: root,
          env: production(),
          encoding: "utf8",
        });
      const made = create(["--email", "Owner@Example.test", "--organization", "Seoul Freedom Hub"]);
      expect(made.status, made.stderr).toBe(0);
      const link = /https:\/\/letters\.example\.test\/en\/admin\/invitation\/([A-Za-z0-9_-]{43})/.exec(made.stdout);
      expect(link, made.stdout).not.toBeNull();
      expect(create(["--email", "other@example.test", "--organization", "Seoul Freedom Hub"]).stderr).toMatch(
        /slug "seoul-freedom-hub" exists already/,
      );
      expect(create(["--email", "x@example.test"]).stderr).toMatch(/usage: npm run organizer:create/);

      const origin = "https://letters.example.test";
      const post = (path: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          method: "POST",
          headers: { ...fresh, "content-type": "application/json", origin },
          body: JSON.stringify(body),
        });
      const accepted = await post("/api/organizer/invitations/accept", {
        token: link![1],
        name: "First Owner",
        password: "a long owner password",
      });
      expect(accepted.status).toBe(201);
      expect(
        (
          await post("/api/organizer/invitations/accept", {
            token: link![1],
            name: "Again",
            password: "a long owner password",
          })
        ).status,
      ).toBe(404);
      const signIn = await post("/api/auth/sign-in/email", {
        email: "owner@example.test",
        password: "a long owner password",
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const campaigns = await fetch(`http://127.0.0.1:${port}/api/organizer/campaigns`, {
        headers: { ...fresh, cookie },
      });
      expect(campaigns.status).toBe(200);
      expect(await campaigns.json()).toEqual({ campaigns: [] });
      expect(await sql("SELECT o.slug, m.role FROM organization o JOIN member m ON m.organization_id = o.id")).toEqual([
        { slug: "seoul-freedom-hub", role: "owner" },
      ]);
    } finally {
      const exited = new Promise((r) => app.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
  }, 300_000);
});
