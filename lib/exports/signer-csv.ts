// The signer CSV, streamed: Postgres writes the CSV itself (`COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)`) and
// Node passes the bytes on through one scan (spreadsheet-csv) that neutralises each cell a spreadsheet would run
// as a formula (the rule of lib/infra/csv) and ends records with CRLF. The copy stream follows the downloader's pace, so
// memory stays flat at any number of rows. Only confirmed signers who ticked "keep me informed"
// (signature.wants_updates: they agreed to hear from the organizers) are in it. By default no letter bodies and no
// addresses. Postgres quotes as RFC 4180 says (a cell with a comma, quote, CR or LF is quoted).
// No "server-only" import here: the export benchmark (tests/bench/export.ts) runs this module outside Next. It reads
// no session; organizers reach it only through the scoped route.
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pool as appPool } from "@/lib/infra/db";
import { spreadsheetCsv } from "./spreadsheet-csv";

/** A million rows to a slow client take minutes, not hours. */
const exportTimeoutMs = 6 * 3600 * 1000;

/** UTF-8 byte-order mark, so that spreadsheets read Korean names correctly. */
const byteOrderMark = Buffer.from([0xef, 0xbb, 0xbf]);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SignerExportOptions = { includeLetters?: boolean; includeAddresses?: boolean };

type Column = { header: string; sql: string };

// COPY writes NULL as an empty cell and '' as a quoted "": nullif makes both an empty, unquoted cell, as the export
// has always written them. Only for text columns: country is char(2), never empty (and nullif would compare it
// blank-padded), and the date and yes/no cells always have a value.
const text = (header: string, column: string): Column => ({ header, sql: `nullif(${column}, '')` });

function columnsFor(options: SignerExportOptions): Column[] {
  return [
    text("name", "s.name"),
    text("email", "s.email"),
    { header: "country", sql: "s.country" },
    text("region", "s.region"),
    ...(options.includeAddresses
      ? [text("postal_code", "s.postal_code"), text("street", "l.street"), text("city", "l.city")]
      : []),
    text("language", "s.locale"),
    { header: "confirmed_at", sql: `to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
    { header: "name_public", sql: "CASE WHEN s.show_name THEN 'yes' ELSE 'no' END" },
    ...(options.includeLetters ? [text("letter_subject", "l.subject"), text("letter_body", "l.body")] : []),
  ];
}

export function signerColumns(options: SignerExportOptions = {}): string[] {
  return columnsFor(options).map((c) => c.header);
}

/** The COPY statement. COPY takes no bind parameters: the campaign id must be a UUID and goes in as a literal. */
export function signerCopySql(campaignId: string, options: SignerExportOptions = {}): string {
  if (!uuid.test(campaignId)) throw new Error("signer export: the campaign id is not a UUID");
  const joinLetter = options.includeAddresses || options.includeLetters;
  const cells = columnsFor(options).map((c) => `${c.sql} AS "${c.header}"`);
  return `COPY (
SELECT ${cells.join(",\n       ")}
  FROM signature s
  ${joinLetter ? "LEFT JOIN letter l ON l.campaign_id = s.campaign_id AND l.email_key = s.email_key AND l.status IN ('confirmed', 'held', 'queued', 'delivered')" : ""}
 WHERE s.campaign_id = '${campaignId}' AND s.status = 'confirmed' AND s.wants_updates
 ORDER BY s.confirmed_at, s.id
) TO STDOUT (FORMAT csv, HEADER true)`;
}

/** A Node stream of the CSV: UTF-8 with a byte-order mark, CRLF record ends. */
export function signerCsvStream(
  campaignId: string,
  options: SignerExportOptions = {},
  pool: pg.Pool = appPool,
): Readable {
  const sql = signerCopySql(campaignId, options);
  const out = spreadsheetCsv();
  out.push(byteOrderMark);
  void (async () => {
    const client = await pool.connect();
    let failed: unknown;
    // The pool's query timeout (DATABASE_QUERY_TIMEOUT_SECONDS) would cut a long export that the downloader paces:
    // this one statement gets a clock of its own (pg reads `query_timeout` from the query object first). pg clears
    // that clock only through the statement's callback, which a copy stream never calls: it gets one, called below.
    const copy = Object.assign(copyTo(sql), { query_timeout: exportTimeoutMs, callback: (_err?: Error) => {} });
    try {
      await pipeline(client.query(copy), out);
    } catch (err) {
      failed = err;
      out.destroy(err as Error);
    } finally {
      copy.callback();
      // A copy cut off mid-way leaves the connection unusable: destroy it rather than return it to the pool.
      client.release(failed instanceof Error ? failed : undefined);
    }
  })().catch((err) => out.destroy(err));
  return out;
}
