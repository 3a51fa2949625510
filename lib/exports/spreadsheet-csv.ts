// Postgres' CSV (COPY … TO STDOUT (FORMAT csv)) made into the CSV organizers get, in one pass over the bytes:
// each cell a spreadsheet would run as a formula gets a leading apostrophe (the rule of lib/infra/csv), and each record
// ends with CRLF (RFC 4180, and what Excel writes) where COPY writes LF; line breaks inside quoted cells stay.
// It relies on COPY's CSV shape: cells split by "," and records by LF; a cell is quoted when it holds a comma,
// quote, CR or LF, and then its quotes are doubled (a doubled "" toggles the quote state twice, so the state stays
// right). An apostrophe never needs quoting, so adding one leaves the quoting as COPY chose it.
import { Transform, type TransformCallback } from "node:stream";
import { formulaStartCharacters } from "@/lib/infra/csv";

const quote = 0x22;
const comma = 0x2c;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const apostrophe = 0x27;

/** formulaStart[byte] is 1 when a cell starting with that byte is a formula. All are ASCII: one byte in UTF-8. */
const formulaStart = new Uint8Array(128);
for (const c of formulaStartCharacters) formulaStart[c.charCodeAt(0)] = 1;

// Where the scanner is: inside a cell past its first character, before a cell's first byte, or after a quoted
// cell's opening quote (before its first character).
const middle = 0;
const cellStart = 1;
const quotedStart = 2;

export function spreadsheetCsv(): Transform {
  let quoted = false;
  let at = cellStart;
  // Where to insert a byte (a CR before a record's LF, an apostrophe before a formula), reused for every chunk.
  const insertAt: number[] = [];
  const insertByte: number[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      insertAt.length = 0;
      insertByte.length = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (at !== middle) {
          if (at === cellStart && byte === quote) {
            quoted = true;
            at = quotedStart;
            continue;
          }
          at = middle;
          if (byte < 128 && formulaStart[byte] === 1) {
            insertAt.push(i);
            insertByte.push(apostrophe);
            continue;
          }
        }
        if (byte === quote) quoted = !quoted;
        else if (!quoted) {
          if (byte === comma) at = cellStart;
          else if (byte === lineFeed) {
            at = cellStart;
            insertAt.push(i);
            insertByte.push(carriageReturn);
          }
        }
      }
      if (insertAt.length === 0) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length + insertAt.length);
      let from = 0;
      let to = 0;
      for (let k = 0; k < insertAt.length; k++) {
        const before = insertAt[k]!;
        to += chunk.copy(out, to, from, before);
        out[to++] = insertByte[k]!;
        from = before;
      }
      chunk.copy(out, to, from);
      done(null, out);
    },
  });
}
