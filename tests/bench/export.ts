// Export benchmark: the signer CSV of 1,000,000 consenting signers streamed through the app's own export code
// (lib/exports/signer-csv), against Postgres' own `COPY (same query) TO STDOUT (FORMAT csv)` of the same rows, in
// the same run, with the process's peak resident memory while streaming. Seeds its rows with generate_series in
// the database it is given (tables must exist: run the migrations first) and removes them afterwards.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { signerCsvStream } from "../../lib/exports/signer-csv";

export type ExportBenchResult = { rows: number; rowsPerSecond: number; copyRowsPerSecond: number; peakRssMb: number };

const rowsToSeed = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);

/** Counts CSV records (CRLF- or LF-terminated lines) without keeping the data. */
function lineCounter(): { sink: Writable; lines: () => number } {
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done();
    },
  });
  return { sink, lines: () => lines };
}

export async function exportBench(databaseUrl: string): Promise<ExportBenchResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: "open-letters-export-bench" });
  const organizationId = randomUUID();
  const campaignId = randomUUID();
  const slug = `export-bench-${campaignId.slice(0, 8)}`;
  try {
    await pool.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, 'Export bench')`, [
      organizationId,
      slug,
    ]);
    await pool.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 1000000, 't@example.test', now())`,
      [campaignId, organizationId, slug],
    );
    // Names with commas, quotes and a leading "=" now and then, so quoting and neutralising do real work.
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, wants_updates, show_name)
       SELECT gen_random_uuid(), $1, 'signer' || g || '@example.test', 'signer' || g || '@example.test',
              CASE WHEN g % 100 = 0 THEN '=Formula ' || g WHEN g % 10 = 0 THEN 'Kim, "Ji" ' || g ELSE '김지민 ' || g END,
              CASE WHEN g % 3 = 0 THEN 'KR' ELSE 'US' END, CASE WHEN g % 3 = 0 THEN NULL ELSE 'CA' END,
              CASE WHEN g % 2 = 0 THEN 'ko' ELSE 'en' END, 'confirmed', now() - make_interval(secs => g), true, g % 2 = 0
         FROM generate_series(1, $2::int) g`,
      [campaignId, rowsToSeed],
    );
    await pool.query(`ANALYZE signature`);

    // The app's export: COPY → formula rule and CRLF in Node, measured with its peak RSS.
    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
    const ours = lineCounter();
    const startedOurs = performance.now();
    await pipeline(signerCsvStream(campaignId, {}, pool), ours.sink);
    const oursSeconds = (performance.now() - startedOurs) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const rows = ours.lines() - 1; // minus the header

    // Postgres' own CSV writer over the same rows and columns.
    const client = await pool.connect();
    const theirs = lineCounter();
    const startedCopy = performance.now();
    try {
      const sql = `COPY (
        SELECT s.name, s.email, s.country, s.region, s.locale,
               to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               CASE WHEN s.show_name THEN 'yes' ELSE 'no' END, s.appearance::text
          FROM signature s WHERE s.campaign_id = '${campaignId}' AND s.status = 'confirmed' AND s.wants_updates
         ORDER BY s.confirmed_at, s.id) TO STDOUT (FORMAT csv, HEADER true)`;
      await pipeline(client.query(copyTo(sql)), theirs.sink);
    } finally {
      client.release();
    }
    const copySeconds = (performance.now() - startedCopy) / 1000;
    if (theirs.lines() - 1 !== rows) throw new Error(`export wrote ${rows} rows, COPY ${theirs.lines() - 1}`);

    return {
      rows,
      rowsPerSecond: Math.round(rows / oursSeconds),
      copyRowsPerSecond: Math.round(rows / copySeconds),
      peakRssMb: Math.round((peakRss / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await pool.query(`DELETE FROM campaign WHERE id = $1`, [campaignId]).catch(() => {});
    await pool.query(`DELETE FROM organization WHERE id = $1`, [organizationId]).catch(() => {});
    await pool.end();
  }
}
