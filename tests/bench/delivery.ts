// Delivery: letters from the queue to an SMTP sink through the worker, against nodemailer's pooled transport
// sending the same messages straight to the same sink.
import pg from "pg";
import { generateKeyPairSync } from "node:crypto";
import { appEnv, databaseUrl, createCampaign, startProcess, waitFor } from "./support";

const deliveryItems = Number(process.env.BENCH_DELIVERY_ITEMS ?? 2000);
/** The sink's SMTP port; the port after it answers how many messages it received. */
const smtpPort = Number(process.env.BENCH_SMTP_PORT ?? 2625);
const countUrl = `http://127.0.0.1:${smtpPort + 1}/`;
/** BENCH_DKIM=1: the worker signs every message (a fresh RSA-2048 key) and sends it from its own bounce address. */
function mailAuth(): Record<string, string> {
  if (process.env.BENCH_DKIM !== "1") return {};
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const bounces = "bounces.bench.example";
  return { DKIM_DOMAIN: "bench.example", DKIM_SELECTOR: "bench", DKIM_PRIVATE_KEY: pem, BOUNCE_DOMAIN: bounces };
}

export async function deliveryBench(): Promise<{ items: number; app: number; baseline: number }> {
  const sink = startProcess(["--import", "tsx", "tests/bench/smtp-sink.ts"], {
    SMTP_PORT: String(smtpPort),
    COUNT_PORT: String(smtpPort + 1),
  });
  const received = async () => Number(await (await fetch(countUrl)).text());
  try {
    await waitFor(countUrl);
    const body =
      "Dear Mr. President,\n\n" + "Please put human rights on the summit agenda. ".repeat(20) + "\n\nSincerely";

    // Baseline: nodemailer's pooled transport, same connection count as the worker, same messages.
    const nodemailer = (await import("nodemailer")).default;
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtpPort,
      secure: false,
      pool: true,
      maxConnections: 5,
      maxRequeues: 0,
    });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: deliveryItems }, (_, i) =>
        transport.sendMail({
          from: "Coalition <letters@bench.example>",
          to: "target@bench.example",
          replyTo: `w${i}@bench.example`,
          subject: `Please act (${i})`,
          text: body,
          messageId: `<letter.${i}@bench.example>`,
        }),
      ),
    );
    const baseline = deliveryItems / ((performance.now() - started) / 1000);
    transport.close();

    // The app: confirmed letters, the delivery tick, a worker process sending them.
    const campaign = await createCampaign();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `UPDATE campaign SET throttle_per_minute = 1000000, sender_email = 'Coalition <letters@bench.example>' WHERE id = $1`,
      [campaign.id],
    );
    // Only these letters are timed: the other benchmarks' campaigns (a million confirmed signers among them) would
    // add their digests to the run.
    await client.query(`UPDATE campaign SET hold_until = now() + interval '1 day' WHERE id <> $1`, [campaign.id]);
    // The sign and surge runs left their confirmation emails unsent (no worker ran then): tens of thousands, which
    // the worker would otherwise send beside the letters over the same connections.
    await client.query(`UPDATE outbox_message SET status = 'cancelled' WHERE status = 'pending'`);
    await client.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status, confirmed_at)
       SELECT gen_random_uuid(), $1, 'w' || i || '@bench.example', 'w' || i || '@bench.example', 'Writer ' || i, 'US', 'Please act (' || i || ')', $2, 'en', 'en', 'confirmed', now()
         FROM generate_series(1, $3) AS i`,
      [campaign.id, body, deliveryItems],
    );
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      APP_ENV: "production",
      APP_URL: appEnv.APP_URL,
      APP_SECRET: appEnv.APP_SECRET,
      MAIL_FROM: "Open Letters <no-reply@bench.example>",
    };
    Object.assign(process.env, env);
    const worker = startProcess(["--import", "tsx", "lib/cli/worker.ts"], { ...env, ...mailAuth() });
    try {
      await new Promise((r) => setTimeout(r, 4000)); // worker up and polling
      const before = await received();
      const { scheduleDeliveries } = await import("../../lib/delivery/schedule-deliveries");
      // The tick runs inside a worker whose queue is long started: start this process's before the clock does.
      await (await import("@/lib/infra/queue/boss")).boss();
      const appStarted = performance.now();
      await scheduleDeliveries();
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM letter WHERE campaign_id = $1 AND status = 'delivered'`,
          [campaign.id],
        );
        if (rows[0]!.n >= deliveryItems) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const app = deliveryItems / ((performance.now() - appStarted) / 1000);
      if ((await received()) - before < deliveryItems)
        throw new Error("the sink received fewer messages than were delivered");
      return { items: deliveryItems, app: Math.round(app), baseline: Math.round(baseline) };
    } finally {
      worker.kill("SIGTERM");
      await client.end();
      const { closeDb } = await import("@/lib/infra/db");
      const { stopBoss } = await import("@/lib/infra/queue/boss");
      await stopBoss();
      await closeDb();
    }
  } finally {
    sink.kill("SIGTERM");
  }
}
