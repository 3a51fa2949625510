// CSV for people who open it in a spreadsheet: RFC 4180 quoting (csv-stringify), and cells that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR at the start) neutralised with a leading apostrophe.
import { stringify } from "csv-stringify/sync";

const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(neutraliseFormula))], { record_delimiter: "windows" });
}
