// `npm run bench`: throughput figures, each against a baseline measured in the same run on this machine.
//   sign: POST /api/campaigns/[slug]/signatures on `next start` vs a bare node:http + pg server doing the same insert.
// Uses its own database (open_letters_bench) on the local Postgres; needs `npm run build` first (it runs it if missing).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/open_letters_bench";
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function resetDatabase() {
  const url = new URL(databaseUrl);
  const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
  await admin.end();
  const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "inherit" });
  if (migrate.status !== 0) throw new Error("migrations failed");
}

async function createCampaign(): Promise<{ id: string; slug: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const org = randomUUID();
  const id = randomUUID();
  const slug = `bench-${id.slice(0, 8)}`;
  await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, 'Bench')`, [org, slug]);
  await client.query(`INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 100000, 't@example.test', now())`, [id, org, slug]);
  await client.query(`INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, target_name) VALUES ($1, 'en', 'Bench', 's', 'c', 'l', 't')`, [id]);
  await client.end();
  return { id, slug };
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitFor(url: string, timeoutMs = 60_000) {
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

type Figure = { requestsPerSecond: number; p99Ms: number; non2xx: number; errors: number };

async function load(url: string, label: string): Promise<Figure> {
  let n = 0;
  const run = (seconds: number) =>
    autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ name: "Bench Signer", email: `${label}-${process.pid}-${n++}@bench.example`, country: "DE" }),
          }),
        },
      ],
    });
  await run(3); // warm-up: JIT, connection pools, Next's first compile of the route
  const result = await run(duration);
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  await resetDatabase();
  const baselineCampaign = await createCampaign();
  const appCampaign = await createCampaign();
  const children: ChildProcess[] = [];
  try {
    const bare = startProcess(["--import", "tsx", "tests/bench/bare-server.ts"], { DATABASE_URL: databaseUrl, CAMPAIGN_ID: baselineCampaign.id, PORT: "3201" });
    children.push(bare);
    const app = startProcess(["node_modules/next/dist/bin/next", "start", "-p", "3200"], {
      DATABASE_URL: databaseUrl,
      APP_ENV: "production",
      APP_SECRET: "bench-secret-bench-secret-bench-secret-0000",
      SMTP_HOST: "127.0.0.1",
      APP_URL: "http://localhost:3200",
    });
    children.push(app);
    await waitFor("http://127.0.0.1:3201/");
    await waitFor(`http://127.0.0.1:3200/api/campaigns/${appCampaign.slug}/count`);

    const baseline = await load("http://127.0.0.1:3201/", "bare");
    const sign = await load(`http://127.0.0.1:3200/api/campaigns/${appCampaign.slug}/signatures`, "app");
    const rows = [
      { benchmark: "sign (POST signatures, next start)", ...sign, baseline: "node:http + pg insert", baselineRps: baseline.requestsPerSecond, ratio: +(sign.requestsPerSecond / baseline.requestsPerSecond).toFixed(3) },
    ];
    console.table(rows.map((r) => ({ benchmark: r.benchmark, "req/s": r.requestsPerSecond, "p99 ms": r.p99Ms, "baseline req/s": r.baselineRps, ratio: r.ratio, "non-2xx": r.non2xx, errors: r.errors })));
    console.log(JSON.stringify({ machine: { cores: (await import("node:os")).cpus().length, node: process.version }, connections, durationSeconds: duration, baseline, results: rows }, null, 2));
  } finally {
    for (const child of children) child.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
