// CSV for people who open it in a spreadsheet: RFC 4180 quoting (csv-stringify), and cells that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR at the start) neutralised with a leading apostrophe.
// The rule has one definition (formulaStartCharacters) and two forms: neutraliseFormula for cells built here, and
// lib/exports/spreadsheet-csv for the signer export, whose CSV Postgres writes.
import { stringify } from "csv-stringify/sync";

/** A cell starting with one of these is run as a formula by some spreadsheet. */
export const formulaStartCharacters = ["=", "+", "-", "@", "\t", "\r"] as const;

const formulaStart: ReadonlySet<string> = new Set(formulaStartCharacters);

export function neutraliseFormula(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return formulaStart.has(text.charAt(0)) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // quoted_match: csv-stringify quotes a cell holding the record delimiter (CRLF) but not a lone CR or LF, which
  // would split the record in a spreadsheet.
  return stringify([header, ...rows.map((r) => r.map(neutraliseFormula))], {
    record_delimiter: "windows",
    quoted_match: /[\r\n]/,
  });
}
