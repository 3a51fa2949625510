// The signer CSV, streamed: Postgres writes it (COPY … TO STDOUT) and Node only neutralises formulas and ends records
// with CRLF on the way (spreadsheet-csv), at the downloader's pace, so memory stays flat at any number of rows. Only
// confirmed signers who agreed to hear from the organizers (wants_updates); letters and addresses only when asked.
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type RawBuilder,
} from "kysely";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { DB } from "@/lib/generated/kysely/types";
import { pool as appPool } from "@/lib/infra/db";
import { spreadsheetCsv } from "./spreadsheet-csv";

/** A million rows to a slow client take minutes, not hours. */
const exportTimeoutMs = 6 * 3600 * 1000;

/** UTF-8 byte-order mark, so that spreadsheets read Korean names correctly. */
const byteOrderMark = Buffer.from([0xef, 0xbb, 0xbf]);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A writer's letter that was confirmed (whatever happened to it since): its subject, body and address may go along. */
const confirmedLetter = ["confirmed", "held", "queued", "delivered"] as const;

// Kysely that only compiles: the COPY statement is built with the query builder but runs on a raw connection, and
// the export benchmark builds it without the app's database settings.
const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export type SignerExportOptions = { includeLetters?: boolean; includeAddresses?: boolean };

type Column = { header: string; cell: RawBuilder<unknown> };

// COPY writes NULL as an empty cell and '' as a quoted "": nullif makes both an empty, unquoted cell, as the export
// has always written them. Only for text columns: country is char(2), never empty (and nullif would compare it
// blank-padded), and the date and yes/no cells always have a value.
const text = (header: string, column: string): Column => ({ header, cell: sql`nullif(${sql.ref(column)}, '')` });

function columnsFor(options: SignerExportOptions): Column[] {
  return [
    text("name", "s.name"),
    text("email", "s.email"),
    { header: "country", cell: sql.ref("s.country") },
    text("region", "s.region"),
    ...(options.includeAddresses
      ? [text("postal_code", "s.postal_code"), text("street", "l.street"), text("city", "l.city")]
      : []),
    text("language", "s.locale"),
    { header: "confirmed_at", cell: sql`to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
    { header: "name_public", cell: sql`CASE WHEN s.show_name THEN 'yes' ELSE 'no' END` },
    // The organizer's export keeps the name as given; this column says how the target receives it.
    { header: "appears_to_target_as", cell: sql`s.appearance::text` },
    ...(options.includeLetters ? [text("letter_subject", "l.subject"), text("letter_body", "l.body")] : []),
  ];
}

export function signerColumns(options: SignerExportOptions = {}): string[] {
  return columnsFor(options).map((c) => c.header);
}

/**
 * The COPY statement. COPY takes no bind parameters: every value is written into it as a literal (sql.lit, quotes
 * doubled), the campaign id only once it is known to be a UUID, and it is refused if any parameter is left.
 */
export function signerCopySql(campaignId: string, options: SignerExportOptions = {}): string {
  if (!uuid.test(campaignId)) throw new Error("signer export: the campaign id is not a UUID");
  const joinLetter = Boolean(options.includeAddresses || options.includeLetters);
  const select = compiler
    .selectFrom("signature as s")
    .$if(joinLetter, (q) =>
      q.leftJoin("letter as l", (join) =>
        join
          .onRef("l.campaign_id", "=", "s.campaign_id")
          .onRef("l.email_key", "=", "s.email_key")
          .on(
            "l.status",
            "in",
            confirmedLetter.map((status) => sql.lit(status)),
          ),
      ),
    )
    .select(columnsFor(options).map((c) => c.cell.as(c.header)))
    .where("s.campaign_id", "=", sql.lit(campaignId))
    .where("s.status", "=", sql.lit("confirmed"))
    .where((eb) => eb.ref("s.wants_updates"))
    .orderBy("s.confirmed_at")
    .orderBy("s.id");
  const copy = sql`COPY ${select} TO STDOUT (FORMAT csv, HEADER true)`.compile(compiler);
  if (copy.parameters.length > 0) throw new Error("signer export: the COPY statement has a bind parameter");
  return copy.sql;
}

/**
 * A Node stream of the CSV: UTF-8 with a byte-order mark, CRLF record ends, cells quoted as RFC 4180 says (Postgres
 * quotes a cell with a comma, quote, CR or LF). No "server-only" here: the export benchmark (tests/bench/export.ts)
 * runs this outside Next with a pool of its own. It reads no session: organizers reach it only through the scoped
 * route.
 */
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
