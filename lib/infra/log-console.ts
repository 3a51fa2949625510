// What other code writes with console.* (Next's own messages and the errors it prints, React's warnings, libraries)
// as records of this process. Our code logs through log.ts; this text is not ours, so it is treated like an error's
// message: errors among the arguments are described (describeError), other text redacted, objects named, not dumped.
import { describeError, logger, redact, type LogLevel } from "./log";

const methods: [keyof Console & ("debug" | "log" | "info" | "warn" | "error" | "trace"), LogLevel][] = [
  ["debug", "debug"],
  ["trace", "debug"],
  ["log", "info"],
  ["info", "info"],
  ["warn", "warn"],
  ["error", "error"],
];

const installed = Symbol.for("open-letters.log-console");
/** Colours and cursor moves: Next colours what it prints even when nobody reads it at a terminal. */
export const ansiEscape = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Sends console.debug/trace/log/info/warn/error of this process to the logger, as records of `component`. */
export function routeConsole(component: string): void {
  const holder = globalThis as typeof globalThis & { [installed]?: boolean };
  if (holder[installed]) return;
  holder[installed] = true;
  const log = logger(component);
  for (const [method, level] of methods) {
    console[method] = (...args: unknown[]) => {
      const { text, err } = consoleText(args);
      if (!text && err === undefined) return;
      log[level](redact(text) || "printed an error", err === undefined ? undefined : { err });
    };
  }
}

/** The text console.* would print (its %s-style placeholders filled), with the first error taken out to describe. */
export function consoleText(args: unknown[]): { text: string; err?: unknown } {
  const index = args.findIndex((arg) => arg instanceof Error);
  const err = index >= 0 ? args[index] : undefined;
  const rest = index >= 0 ? [...args.slice(0, index), ...args.slice(index + 1)] : [...args];
  let text = "";
  if (typeof rest[0] === "string") {
    const template = rest.shift() as string;
    text = template.replace(/%[sdifjoOc%]/g, (placeholder) => {
      if (placeholder === "%%") return "%";
      if (rest.length === 0) return placeholder;
      const value = rest.shift();
      return placeholder === "%c" ? "" : plain(value);
    });
  }
  const words = [text, ...rest.map(plain)].filter((word) => word !== "");
  return { text: words.join(" ").replace(ansiEscape, "").trim(), err };
}

function plain(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null || value === undefined) return String(value);
  if (value instanceof Error) return describeError(value);
  return `[${typeof value === "object" ? (value.constructor?.name ?? "Object") : typeof value}]`;
}
