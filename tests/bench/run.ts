// `npm run bench`: throughput and weight figures, each against a baseline measured in the same run on this machine.
// Uses its own database (open_letters_bench) on the local Postgres and builds the app first if the build is stale.
// Knobs: BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_SURGE_SECONDS (60), BENCH_DELIVERY_ITEMS (2000),
// BENCH_DKIM=1 (the delivery worker signs), BENCH_SKIP (comma-separated: sign,page,count,surge,weight,lighthouse,
// delivery,export), BENCH_PORT (3200; the bare server takes the next port, the bare Next.js page the one after) and BENCH_SMTP_PORT (2625; the sink's
// counter takes the next), so that two people benchmarking on one machine do not collide.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus } from "node:os";
import { join } from "node:path";
import { buildIsStale } from "../../lib/cli/build-status";
import {
  appEnv,
  appPort,
  browserPageHeaders,
  connections,
  createCampaign,
  databaseUrl,
  load,
  resetDatabase,
  seconds,
  signBody,
  startProcess,
  waitFor,
  withClient,
} from "./support";
import { deliveryBench } from "./delivery";
import { lighthouse, startBarePage } from "./lighthouse";

const skip = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));
const app = `http://127.0.0.1:${appPort}`;
const bare = `http://127.0.0.1:${appPort + 1}`;

type Row = {
  benchmark: string;
  unit: string;
  value: number;
  baseline: string;
  baselineValue: number;
  ratio: number;
  aim: string;
  note: string;
};
const rows: Row[] = [];
function record(r: Omit<Row, "ratio">) {
  rows.push({ ...r, ratio: +(r.value / r.baselineValue).toFixed(3) });
  console.log(
    `  ${r.benchmark}: ${r.value} ${r.unit} vs ${r.baselineValue} ${r.unit} (${r.baseline}) → ${(r.value / r.baselineValue).toFixed(3)}`,
  );
}

/** Sizes of the JavaScript a page loads before it is interactive, raw and gzipped. */
async function scriptWeight(urls: string[]): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const url of new Set(urls)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

async function main() {
  if (buildIsStale(process.cwd()))
    spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  await resetDatabase();
  const children: ChildProcess[] = [];
  const stopAll = () => children.splice(0).forEach((c) => c.kill("SIGTERM"));
  try {
    const signCampaign = await createCampaign();
    const small = await createCampaign({ confirmed: 1_000 });
    children.push(startProcess(["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], appEnv));
    await waitFor(`${app}/api/campaigns/${signCampaign.slug}/count`);

    if (!skip.has("sign")) {
      children.push(
        startProcess(["--import", "tsx", "tests/bench/bare-server.ts"], {
          DATABASE_URL: databaseUrl,
          CAMPAIGN_ID: signCampaign.id,
          PORT: String(appPort + 1),
        }),
      );
      await waitFor(`${bare}/`);
      // The app server has just started, and Next's code takes half a minute of load to reach its steady speed
      // (measured: 175 req/s in the first 8 s, 470 req/s after 30 s). Both servers get the same long warm-up.
      const warmupSeconds = 30;
      const baseline = await load(`${bare}/`, { method: "POST", body: signBody("bare"), warmupSeconds });
      const sign = await load(`${app}/api/campaigns/${signCampaign.slug}/signatures`, {
        method: "POST",
        body: signBody("app"),
        warmupSeconds,
      });
      record({
        benchmark: "sign: POST /api/campaigns/[slug]/signatures",
        unit: "req/s",
        value: sign.requestsPerSecond,
        baseline: "node:http + pg, same insert",
        baselineValue: baseline.requestsPerSecond,
        aim: "≥ 0.25",
        note: `p99 ${sign.p99Ms} ms (baseline ${baseline.p99Ms} ms), non-2xx ${sign.non2xx}, errors ${sign.errors}`,
      });
      // Context for the figure above: the same route refusing an empty body (422) runs Next's request handling and
      // our wrapper and validation, but no statement. The sign endpoint cannot be faster than this.
      const floor = await load(`${app}/api/campaigns/${signCampaign.slug}/signatures`, {
        method: "POST",
        body: () => "{}",
      });
      record({
        benchmark: "  the same route answering 422 (no database): the framework's ceiling",
        unit: "req/s",
        value: floor.requestsPerSecond,
        baseline: "node:http + pg, same insert",
        baselineValue: baseline.requestsPerSecond,
        aim: "context",
        note: `p99 ${floor.p99Ms} ms`,
      });
    }

    const pageUrl = `${app}/en/c/${small.slug}`;
    const html = await (await fetch(pageUrl)).text();
    if (!skip.has("page")) {
      // The baseline: Next.js serving a static file of the same size from public/ (read when the server starts).
      mkdirSync("public/bench-static", { recursive: true });
      writeFileSync("public/bench-static/page.html", html);
      children.shift()?.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      children.unshift(startProcess(["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], appEnv));
      const staticUrl = `${app}/bench-static/page.html`;
      await waitFor(staticUrl);
      if ((await fetch(staticUrl)).status !== 200) throw new Error("next start did not serve the static baseline file");
      const baseline = await load(staticUrl, { headers: browserPageHeaders });
      const page = await load(pageUrl, { headers: browserPageHeaders });
      record({
        benchmark: `campaign page views (${Math.round(html.length / 1024)} KiB HTML)`,
        unit: "req/s",
        value: page.requestsPerSecond,
        baseline: "next start, static file of the same size",
        baselineValue: baseline.requestsPerSecond,
        aim: "≥ 0.5",
        note: `p99 ${page.p99Ms} ms, non-2xx ${page.non2xx}`,
      });
    }

    if (!skip.has("count")) {
      const large = await createCampaign({ confirmed: 1_000_000 });
      const atSmall = await load(`${app}/api/campaigns/${small.slug}/count`);
      const atLarge = await load(`${app}/api/campaigns/${large.slug}/count`);
      record({
        benchmark: "count endpoint at 1,000,000 signatures",
        unit: "req/s",
        value: atLarge.requestsPerSecond,
        baseline: "the same endpoint at 1,000",
        baselineValue: atSmall.requestsPerSecond,
        aim: "≈ 1.0",
        note: `p99 ${atLarge.p99Ms} ms vs ${atSmall.p99Ms} ms`,
      });
    }

    if (!skip.has("surge")) {
      const surge = await createCampaign();
      const surgeSeconds = Number(process.env.BENCH_SURGE_SECONDS ?? 60);
      const result = await load(`${app}/api/campaigns/${surge.slug}/signatures`, {
        method: "POST",
        body: signBody("surge"),
        connections: 200,
        seconds: surgeSeconds,
      });
      const stored = await withClient(
        async (c) =>
          (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE campaign_id = $1`, [surge.id]))
            .rows[0]!.n,
      );
      // Every 202 (warm-up included) promised a new row: fewer rows than 202s would be signatures lost.
      const accepted = result.total2xx + result.warmup2xx;
      record({
        benchmark: `surge: 200 clients signing for ${surgeSeconds} s (${result.requestsPerSecond} req/s)`,
        unit: "rows",
        value: stored,
        baseline: "202 answers given",
        baselineValue: accepted,
        aim: "1.0 (0 lost), 0 5xx",
        note: `lost ${Math.max(0, accepted - stored)}, 5xx ${result.status5xx}, errors ${result.errors}, p99 ${result.p99Ms} ms`,
      });
    }

    if (!skip.has("weight")) {
      // noModule scripts (Next's legacy polyfills) are never fetched by a browser that runs modules: not first-load JS.
      const scripts = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(m[1]! + m[3]!))
        .map((m) => new URL(m[2]!, app).toString());
      const manifest = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as {
        rootMainFiles?: string[];
        polyfillFiles?: string[];
      };
      const framework = (manifest.rootMainFiles ?? []).map((f) => `${app}/_next/${f}`);
      const page = await scriptWeight(scripts);
      const base = await scriptWeight(framework);
      record({
        benchmark: "first-load JS of the campaign page (gzip)",
        unit: "KiB",
        value: +(page.gzip / 1024).toFixed(1),
        baseline: "a bare Next.js page: the framework's root chunks",
        baselineValue: +(base.gzip / 1024).toFixed(1),
        aim: "close to 1",
        note: `raw ${Math.round(page.raw / 1024)} KiB vs ${Math.round(base.raw / 1024)} KiB`,
      });
    }

    if (!skip.has("lighthouse")) {
      // The campaign page and the thank-you step, in both languages, each against the bare Next.js page's score.
      const barePage = await startBarePage(appPort + 2, children);
      const bare = await lighthouse(barePage.plain);
      const bareCoop = await lighthouse(barePage.coop);
      if ("error" in bare) console.log(`  lighthouse: not run (${bare.error})`);
      else {
        const pages = ["en", "ko"].flatMap((locale) => [
          [`campaign page (${locale})`, `${app}/${locale}/c/${small.slug}`],
          [`thank-you step (${locale})`, `${app}/${locale}/c/${small.slug}/thanks?after=sign`],
        ]);
        for (const [name, url] of pages) {
          const page = await lighthouse(url!);
          if ("error" in page) {
            console.log(`  lighthouse, ${name}: not run (${page.error})`);
            continue;
          }
          record({
            benchmark: `Lighthouse performance: ${name}`,
            unit: "score",
            value: page.performance,
            baseline: "a bare Next.js page (the framework alone)",
            baselineValue: bare.performance,
            aim: "performance ≥ 0.95, accessibility 1.0",
            note:
              `accessibility ${page.accessibility}, TBT ${page.tbtMs} ms (bare ${bare.tbtMs} ms), LCP ${page.lcpMs} ms (bare ${bare.lcpMs} ms)` +
              ("error" in bareCoop
                ? ""
                : `; bare page with the app's COOP: ${bareCoop.performance}, TBT ${bareCoop.tbtMs} ms, LCP ${bareCoop.lcpMs} ms`),
          });
        }
      }
    }
    stopAll();

    if (!skip.has("delivery")) {
      const delivery = await deliveryBench();
      record({
        benchmark: `delivery: ${delivery.items} letters, queue to SMTP sink`,
        unit: "items/s",
        value: delivery.app,
        baseline: "nodemailer pool straight to the sink",
        baselineValue: delivery.baseline,
        aim: "≥ 0.8",
        note: process.env.BENCH_DKIM === "1" ? "DKIM-signed, from bounce addresses" : "",
      });
    }

    if (!skip.has("export") && existsSync("tests/bench/export.ts")) {
      const { exportBench } = (await import("./export.ts" as string)) as {
        exportBench: (
          url: string,
        ) => Promise<{ rows: number; rowsPerSecond: number; copyRowsPerSecond: number; peakRssMb: number }>;
      };
      const result = await exportBench(databaseUrl);
      record({
        benchmark: `signer CSV export, ${result.rows.toLocaleString("en")} rows`,
        unit: "rows/s",
        value: Math.round(result.rowsPerSecond),
        baseline: "COPY … TO STDOUT (FORMAT csv)",
        baselineValue: Math.round(result.copyRowsPerSecond),
        aim: "≥ 0.5, < 256 MB",
        note: `peak RSS ${result.peakRssMb} MB`,
      });
    }
  } finally {
    stopAll();
    rmSync("public/bench-static", { recursive: true, force: true });
  }

  console.log("");
  console.table(
    rows.map((r) => ({
      benchmark: r.benchmark,
      value: `${r.value} ${r.unit}`,
      baseline: `${r.baselineValue} (${r.baseline})`,
      ratio: Number.isNaN(r.ratio) ? "" : r.ratio,
      aim: r.aim,
      note: r.note,
    })),
  );
  console.log(
    JSON.stringify(
      { machine: { cores: cpus().length, node: process.version }, connections, seconds, results: rows },
      null,
      2,
    ),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
