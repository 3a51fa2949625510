// One CSV record as the app's other exports write them (lib/infra/csv.ts's formula rule), by hand for speed;
// tests/unit/bundle-csv.test.ts holds it to csv-stringify's output with the same options.
import { neutraliseFormula } from "@/lib/infra/csv";

function cell(value: string | number | null | undefined): string {
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 quoting, CRLF, and a leading apostrophe on a cell a spreadsheet would run (= + - @ tab CR first). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}

/** The byte-order mark that makes spreadsheets read the file as UTF-8. */
export const utf8Bom = "\ufeff";
