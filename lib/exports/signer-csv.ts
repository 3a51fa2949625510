// The signer CSV, streamed: a server-side cursor (pg-query-stream) feeds csv-stringify row by row, so memory stays
// flat at any number of rows. Only confirmed signers who ticked "keep me informed" (signature.wants_updates: they
// agreed to hear from the organizers) are in it. By default no letter bodies and no addresses; each cell a
// spreadsheet would run as a formula is neutralised (lib/csv), and quoting follows RFC 4180.
// No "server-only" import here: the export benchmark (tests/bench/export.ts) runs this module outside Next. It reads
// no session; organizers reach it only through the scoped route.
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { stringify } from "csv-stringify";
import { pool as appPool } from "../db";
import { neutraliseFormula } from "../csv";

/** A million rows to a slow client take minutes, not hours. */
const exportTimeoutMs = 6 * 3600 * 1000;

export type SignerExportOptions = { includeLetters?: boolean; includeAddresses?: boolean };

export function signerColumns(options: SignerExportOptions = {}): string[] {
  return [
    "name",
    "email",
    "country",
    "region",
    ...(options.includeAddresses ? ["postal_code", "street", "city"] : []),
    "language",
    "confirmed_at",
    "name_public",
    ...(options.includeLetters ? ["letter_subject", "letter_body"] : []),
  ];
}

function signerSql(options: SignerExportOptions): string {
  const joinLetter = options.includeAddresses || options.includeLetters;
  return `
SELECT s.name, s.email, s.country, s.region,
       ${options.includeAddresses ? "s.postal_code, l.street, l.city," : ""}
       s.locale, to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS confirmed_at,
       CASE WHEN s.show_name THEN 'yes' ELSE 'no' END AS name_public
       ${options.includeLetters ? ", l.subject, l.body" : ""}
  FROM signature s
  ${joinLetter ? "LEFT JOIN letter l ON l.campaign_id = s.campaign_id AND l.email_key = s.email_key AND l.status IN ('confirmed', 'held', 'queued', 'delivered')" : ""}
 WHERE s.campaign_id = $1 AND s.status = 'confirmed' AND s.wants_updates
 ORDER BY s.confirmed_at, s.id`;
}

/** A Node stream of the CSV (UTF-8 with a byte-order mark, so spreadsheets read Korean names correctly). */
export function signerCsvStream(campaignId: string, options: SignerExportOptions = {}, pool: pg.Pool = appPool): Readable {
  const csv = stringify({ header: true, columns: signerColumns(options), bom: true, record_delimiter: "windows", quoted_string: false });
  const neutralise = new Transform({
    objectMode: true,
    highWaterMark: 64,
    transform(row: unknown[], _enc: BufferEncoding, done: TransformCallback) {
      for (let i = 0; i < row.length; i++) row[i] = neutraliseFormula(row[i]);
      done(null, row);
    },
  });
  void (async () => {
    const client = await pool.connect();
    let failed: unknown;
    try {
      const cursor = new QueryStream(signerSql(options), [campaignId], { batchSize: 2000, rowMode: "array", highWaterMark: 2000 });
      // The pool's query timeout (DATABASE_QUERY_TIMEOUT_SECONDS) would cut a long export that the downloader paces:
      // this one query gets a clock of its own (pg reads `query_timeout` from the query object first).
      const rows = client.query(Object.assign(cursor, { query_timeout: exportTimeoutMs }));
      await pipeline(rows, neutralise, csv);
    } catch (err) {
      failed = err;
      csv.destroy(err as Error);
    } finally {
      // A cursor cut off mid-way leaves the connection unusable: destroy it rather than return it to the pool.
      client.release(failed instanceof Error ? failed : undefined);
    }
  })().catch((err) => csv.destroy(err));
  return csv;
}
