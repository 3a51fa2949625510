// How errors reach the logs (log.ts writes them only this way). Logs are read by whoever runs the servers and are
// often shipped elsewhere: they must not carry signers' or writers' personal data. Errors from Postgres, Prisma and
// SMTP relays echo what they were given (pg's `detail`: "Failing row contains (…, kim@example.org, …)", Prisma's
// validation errors print the call's arguments, relays quote the recipient), so only the kind of error, its code and
// a redacted first line are written.

/**
 * Removes what could be someone's data from an error text (or a line another program printed): addresses, quoted or
 * bracketed values, row contents, the tokens in link paths. Only the first line with text, at most 300 characters.
 */
export function redact(text: string): string {
  // Prisma's messages start with a blank line.
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  return (
    firstLine
      .trim()
      .replace(/Failing row contains .*/i, "Failing row contains [redacted]")
      .replace(/\([^()]*\)=\([^()]*\)/g, "[key]=[redacted]")
      .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, "[address]")
      // The secret in the address of a confirm, withdraw or invitation page (Next's dev server prints the paths).
      .replace(/\/(confirm|withdraw|invitation)\/[^\s/?#"'<>]+/g, "/$1/[token]")
      .replace(/"[^"]*"/g, '"[redacted]"')
      .replace(/'[^']*'/g, "'[redacted]'")
      .replace(/«[^»]*»|“[^”]*”/g, "[redacted]")
      .slice(0, 300)
  );
}

type LoggableError = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  table?: unknown;
  constraint?: unknown;
  column?: unknown;
  cause?: unknown;
};

/** A name, code or schema name as Postgres and Node write them; anything else is not an identifier and is left out. */
function identifier(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && /^[A-Za-z0-9_.$-]{1,64}$/.test(text) ? text : undefined;
}

/**
 * One line for an error: what kind (name, code, Postgres table/constraint), a redacted first line of its message, and
 * the same for its causes (Prisma and pg-boss wrap the driver's error). Nothing else of it: not its `detail`, `where`
 * or `stack`, whose text echoes the values it was given.
 */
export function describeError(err: unknown, depth = 0): string {
  const e = (err !== null && typeof err === "object" ? err : {}) as LoggableError;
  const message =
    typeof e.message === "string" ? e.message : err === null || typeof err !== "object" ? String(err) : "";
  const where = [
    identifier(e.table) && `table ${identifier(e.table)}`,
    identifier(e.constraint) && `constraint ${identifier(e.constraint)}`,
    identifier(e.column) && `column ${identifier(e.column)}`,
  ]
    .filter(Boolean)
    .join(", ");
  const code = identifier(e.code);
  const kind = `${identifier(e.name) ?? "Error"}${code ? ` ${code}` : ""}`;
  const line = `${kind}: ${redact(message)}${where ? ` (${where})` : ""}`;
  const cause = e.cause !== null && typeof e.cause === "object" && depth < 2 ? describeError(e.cause, depth + 1) : "";
  return cause ? `${line}; cause: ${cause}` : line;
}
