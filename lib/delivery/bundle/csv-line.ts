// One CSV record as the app's other exports write them (lib/csv.ts, which this module may not import), by hand for
// speed; tests/unit/bundle-csv.test.ts holds it to csv-stringify's output with the same options.

const formulaStart = new Set(["=", "+", "-", "@", "\t", "\r"]);

function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (formulaStart.has(text.charAt(0))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 quoting, CRLF, and a leading apostrophe on a cell a spreadsheet would run (= + - @ tab CR first). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}

/** The byte-order mark that makes spreadsheets read the file as UTF-8. */
export const utf8Bom = "\ufeff";
