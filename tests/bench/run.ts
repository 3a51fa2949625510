// `npm run bench`: throughput figures, each against a baseline measured in the same run on this machine.
//   sign: POST /api/campaigns/[slug]/signatures on `next start` vs a bare node:http + pg server doing the same insert.
//   delivery: letters from the queue to an SMTP sink through the worker vs nodemailer's pooled transport sending
//             the same messages straight to the same sink.
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

const deliveryItems = Number(process.env.BENCH_DELIVERY_ITEMS ?? 2000);

async function deliveryBench(): Promise<{ items: number; app: number; baseline: number }> {
  const smtpPort = 2625;
  const sink = startProcess(["--import", "tsx", "tests/bench/smtp-sink.ts"], { SMTP_PORT: String(smtpPort), COUNT_PORT: "2626" });
  const received = async () => Number(await (await fetch("http://127.0.0.1:2626/")).text());
  try {
    await waitFor("http://127.0.0.1:2626/");
    const body = "Dear Mr. President,\n\n" + "Please put human rights on the summit agenda. ".repeat(20) + "\n\nSincerely";

    // Baseline: nodemailer's pooled transport, same connection count as the worker, same messages.
    const nodemailer = (await import("nodemailer")).default;
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, pool: true, maxConnections: 5, maxRequeues: 0 });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: deliveryItems }, (_, i) =>
        transport.sendMail({ from: "Coalition <letters@bench.example>", to: "target@bench.example", replyTo: `w${i}@bench.example`, subject: `Please act (${i})`, text: body, messageId: `<letter.${i}@bench.example>` }),
      ),
    );
    const baseline = deliveryItems / ((performance.now() - started) / 1000);
    transport.close();

    // The app: confirmed letters, the delivery tick, a worker process sending them.
    const campaign = await createCampaign();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`UPDATE campaign SET throttle_per_minute = 1000000, sender_email = 'Coalition <letters@bench.example>' WHERE id = $1`, [campaign.id]);
    await client.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status, confirmed_at)
       SELECT gen_random_uuid(), $1, 'w' || i || '@bench.example', 'w' || i || '@bench.example', 'Writer ' || i, 'US', 'Please act (' || i || ')', $2, 'en', 'en', 'confirmed', now()
         FROM generate_series(1, $3) AS i`,
      [campaign.id, body, deliveryItems],
    );
    const env = { DATABASE_URL: databaseUrl, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtpPort), APP_ENV: "production", APP_SECRET: "bench-secret-bench-secret-bench-secret-0000", MAIL_FROM: "Open Letters <no-reply@bench.example>" };
    Object.assign(process.env, env);
    const worker = startProcess(["--import", "tsx", "lib/cli/worker.ts"], env);
    try {
      await new Promise((r) => setTimeout(r, 4000)); // worker up and polling
      const before = await received();
      const { scheduleDeliveries } = await import("../../lib/delivery/schedule-deliveries");
      const appStarted = performance.now();
      await scheduleDeliveries();
      for (;;) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM letter WHERE campaign_id = $1 AND status = 'delivered'`, [campaign.id]);
        if (rows[0]!.n >= deliveryItems) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const app = deliveryItems / ((performance.now() - appStarted) / 1000);
      if ((await received()) - before < deliveryItems) throw new Error("the sink received fewer messages than were delivered");
      return { items: deliveryItems, app: Math.round(app), baseline: Math.round(baseline) };
    } finally {
      worker.kill("SIGTERM");
      await client.end();
      const { closeDb } = await import("../../lib/db");
      const { stopBoss } = await import("../../lib/jobs/boss");
      await stopBoss();
      await closeDb();
    }
  } finally {
    sink.kill("SIGTERM");
  }
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
    for (const child of children.splice(0)) child.kill("SIGTERM");
    const delivery = await deliveryBench();
    const rows = [
      { benchmark: "sign: POST signatures on next start", unit: "req/s", value: sign.requestsPerSecond, baseline: "node:http + pg insert", baselineValue: baseline.requestsPerSecond, p99Ms: sign.p99Ms, errors: sign.errors + sign.non2xx },
      { benchmark: `delivery: ${delivery.items} letters, queue to SMTP sink`, unit: "items/s", value: delivery.app, baseline: "nodemailer pool straight to sink", baselineValue: delivery.baseline, p99Ms: null, errors: 0 },
    ].map((r) => ({ ...r, ratio: +(r.value / r.baselineValue).toFixed(3) }));
    console.table(rows.map((r) => ({ benchmark: r.benchmark, value: `${r.value} ${r.unit}`, baseline: `${r.baselineValue} ${r.unit} (${r.baseline})`, ratio: r.ratio, "p99 ms": r.p99Ms ?? "", errors: r.errors })));
    console.log(JSON.stringify({ machine: { cores: (await import("node:os")).cpus().length, node: process.version }, connections, durationSeconds: duration, results: rows }, null, 2));
  } finally {
    for (const child of children) child.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
