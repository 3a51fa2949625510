// The one way errors reach the logs. Logs are read by whoever runs the servers and often shipped elsewhere: they must
// not carry signers' or writers' personal data. Errors from Postgres, Prisma and SMTP relays echo what they were
// given (pg's `detail`: "Failing row contains (…, kim@example.org, …)", Prisma's validation errors print the call's
// arguments, relays quote the recipient), so only the kind of error, its code and a redacted first line are written.

/** Removes what could be someone's data from an error text: addresses, quoted or bracketed values, row contents. */
export function redact(text: string): string {
  const firstLine = text.split("\n")[0] ?? "";
  return firstLine
    .replace(/Failing row contains .*/i, "Failing row contains [redacted]")
    .replace(/\([^()]*\)=\([^()]*\)/g, "[key]=[redacted]")
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, "[address]")
    .replace(/"[^"]*"/g, '"[redacted]"')
    .replace(/'[^']*'/g, "'[redacted]'")
    .replace(/«[^»]*»|“[^”]*”/g, "[redacted]")
    .slice(0, 300);
}

type LoggableError = {
  name?: string;
  code?: string | number;
  message?: string;
  table?: string;
  constraint?: string;
  column?: string;
  routine?: string;
};

/** One line for an error: where it happened, what kind (name, code, Postgres table/constraint) and a redacted message. */
export function describeError(err: unknown): string {
  const e = (err ?? {}) as LoggableError;
  const message = typeof err === "string" ? err : (e.message ?? String(err));
  const where = [
    e.table && `table ${e.table}`,
    e.constraint && `constraint ${e.constraint}`,
    e.column && `column ${e.column}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `${typeof e.name === "string" ? e.name : "Error"}${e.code ? ` ${e.code}` : ""}: ${redact(message)}${where ? ` (${where})` : ""}`;
}

export function logError(where: string, what: string, err?: unknown): void {
  console.error(`[${where}] ${what}${err === undefined ? "" : `: ${describeError(err)}`}`);
}
