// Shared pieces of the benchmarks: a fresh database, processes, readiness, load generation.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";

export const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/open_letters_bench";
export const seconds = Number(process.env.BENCH_SECONDS ?? 15);
export const appPort = Number(process.env.BENCH_PORT ?? 3200);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

export const appEnv = {
  DATABASE_URL: databaseUrl,
  APP_ENV: "production",
  // Production refuses a secret written in the project, and an address that is not https (a proxy would serve it).
  APP_SECRET: randomBytes(32).toString("base64url"),
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: process.env.BENCH_SMTP_PORT ?? "2625",
  APP_URL: `https://localhost:${appPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The load comes from one address at a rate no person reaches: the limits and the challenge stay out of the way,
  // but their statement still runs on every request, as it does in production.
  RATE_IP_BURST: "100000000",
  RATE_IP_HOURLY: "100000000",
  CHALLENGE_CAMPAIGN_PER_MINUTE: "100000000",
  CHALLENGE_NETWORK_PER_10_MINUTES: "100000000",
  SIGN_MIN_SECONDS: "0",
};

/** The sign form's token as the page renders it (lib/infra/security/form-token.ts, keyed with the bench's APP_SECRET). */
function formToken(): string {
  const issued = Date.now().toString(36);
  return `${issued}.${createHmac("sha256", appEnv.APP_SECRET).update(`form-token\u0000sign.${issued}`).digest("base64url")}`;
}

export async function resetDatabase() {
  const url = new URL(databaseUrl);
  const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
  await admin.end();
  const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
  if (migrate.status !== 0) throw new Error("migrations failed");
}

export async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createCampaign(options: { confirmed?: number } = {}): Promise<{ id: string; slug: string }> {
  return withClient(async (client) => {
    const org = randomUUID();
    const id = randomUUID();
    const slug = `bench-${id.slice(0, 8)}`;
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, 'Bench Coalition')`, [org, slug]);
    await client.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 100000, 't@bench.example', now())`,
      [id, org, slug],
    );
    const letter =
      "Dear Mr. President,\n\n" + "Please put human rights on the summit agenda beside denuclearization. ".repeat(12);
    await client.query(
      `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, target_name) VALUES ($1, 'en', 'Bench campaign', 'A summary', $2, $3, 'The President')`,
      [id, "Context. ".repeat(80), letter],
    );
    if (options.confirmed) {
      await client.query(
        `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at)
         SELECT gen_random_uuid(), $1, 's' || i || '@bench.example', 's' || i || '@bench.example', 'Signer ' || i, 'US', 'en', 'confirmed', now()
           FROM generate_series(1, $2) AS i`,
        [id, options.confirmed],
      );
      await client.query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, $2)`, [
        id,
        options.confirmed,
      ]);
    }
    return { id, slug };
  });
}

export function startProcess(args: string[], env: Record<string, string>, quiet = true): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
}

export async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

export type LoadResult = {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total2xx: number;
  warmup2xx: number;
  status5xx: number;
};

/** autocannon against `url`: a warm-up (3 s unless told), then the measured run. */
export async function load(
  url: string,
  options: {
    method?: "GET" | "POST";
    body?: () => string;
    seconds?: number;
    connections?: number;
    headers?: Record<string, string>;
    warmupSeconds?: number;
  } = {},
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: options.connections ?? connections,
      duration,
      requests: [
        {
          method: options.method ?? "GET",
          headers: { ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
          ...(options.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: options.body!() }) } : {}),
        },
      ],
    });
  const warmup = await run(options.warmupSeconds ?? 3);
  const r = await run(options.seconds ?? seconds);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total2xx: r["2xx"],
    warmup2xx: warmup["2xx"],
    status5xx: r["5xx"] + warmup["5xx"],
  };
}

/** What a browser sends when it opens a page (the page cache answers only such requests). */
export const browserPageHeaders = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-language": "en",
};

let counter = 0;
export const signBody = (label: string) => () =>
  JSON.stringify({
    name: "Bench Signer",
    email: `${label}-${process.pid}-${counter++}@bench.example`,
    country: "DE",
    formToken: formToken(),
  });
