// The one logger of every process (app server, worker, commands): JSON lines in production (or LOG_FORMAT=json) for
// whatever collects them, one readable line per record in development. Each record names its component and, inside
// a request, the request's id (log-context.ts). Messages and fields are written by our code and must stay free of
// personal data; errors are only ever written as describeError describes them (log-redaction.ts), never as given.
import { now } from "./clock";
import { currentRequestId } from "./log-context";
import { describeError } from "./log-redaction";

export { describeError, redact } from "./log-redaction";

export const logLevels = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogFormat = "json" | "pretty";

/** Values an operator reads beside the message: counts, ids, names of things. `err` is described, never written. */
export type LogFields = { err?: unknown; [field: string]: unknown };

export type LogRecord = {
  time: string;
  level: LogLevel;
  component: string;
  requestId?: string;
  msg: string;
  error?: string;
  [field: string]: string | number | boolean | null | undefined;
};

export type Logger = Record<LogLevel, (msg: string, fields?: LogFields) => void>;

export type LogSettings = {
  format: LogFormat;
  level: LogLevel;
  /** Where a finished line goes; by default warnings and errors to stderr, the rest to stdout. */
  write: (line: string, level: LogLevel) => void;
  color: boolean;
};

const reserved = new Set(["time", "level", "component", "requestId", "msg", "error", "err"]);

/** The settings from the environment, read at each record: `npm start` loads .env after this module is imported. */
export function settingsFromEnv(environment: Record<string, string | undefined> = process.env): LogSettings {
  const format: LogFormat =
    environment.LOG_FORMAT === "json" || environment.LOG_FORMAT === "pretty"
      ? environment.LOG_FORMAT
      : environment.APP_ENV === "production"
        ? "json"
        : "pretty";
  const level = (logLevels as readonly string[]).includes(environment.LOG_LEVEL ?? "")
    ? (environment.LOG_LEVEL as LogLevel)
    : "info";
  return { format, level, write: writeToStdio, color: format === "pretty" && colorsWanted(environment) };
}

function writeToStdio(line: string, level: LogLevel): void {
  (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

function colorsWanted(environment: Record<string, string | undefined>): boolean {
  return !environment.NO_COLOR && environment.FORCE_COLOR !== "0" && process.stdout.isTTY === true;
}

/** A logger for one component, with its settings fixed (tests) or read from the environment at each record. */
export function createLogger(component: string, settings?: () => LogSettings): Logger {
  const at =
    (level: LogLevel) =>
    (msg: string, fields?: LogFields): void => {
      const current = settings?.() ?? settingsFromEnv();
      if (below(level, current.level)) return;
      emit(recordOf(level, component, msg, fields), current);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** The logger of a component of this process ("api", "worker", "jobs", "next", …). */
export function logger(component: string): Logger {
  return createLogger(component);
}

function recordOf(level: LogLevel, component: string, msg: string, fields: LogFields = {}): LogRecord {
  const requestId = fields.requestId ?? currentRequestId();
  const record: LogRecord = {
    time: now().toISOString(),
    level,
    component,
    ...(typeof requestId === "string" ? { requestId } : {}),
    msg,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (reserved.has(name) || value === undefined) continue;
    record[name] = plainValue(value);
  }
  if ("err" in fields && fields.err !== undefined) record.error = describeError(fields.err);
  return record;
}

/** Only plain values reach a record: anything else is named by its kind, so no object is dumped into the logs. */
function plainValue(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return `[${typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value}]`;
}

/** Writes a finished record (ours, or one relayed from a child process) in this process's format, above its level. */
export function emit(record: LogRecord, settings: LogSettings = settingsFromEnv()): void {
  if (below(record.level, settings.level)) return;
  settings.write(formatRecord(record, settings.format, settings.color), record.level);
}

function below(level: LogLevel, threshold: LogLevel): boolean {
  return logLevels.indexOf(level) < logLevels.indexOf(threshold);
}

export function formatRecord(record: LogRecord, format: LogFormat, color = false): string {
  if (format === "json") return JSON.stringify(record);
  const { time, level, component, msg, requestId, error, ...fields } = record;
  const label = level.toUpperCase().padEnd(5);
  const parts = [
    localTime(time),
    color ? `${levelColors[level]}${label}\u001b[0m` : label,
    `[${component}]`,
    oneLine(msg),
  ];
  for (const [name, value] of Object.entries(fields)) parts.push(`${name}=${readableValue(value)}`);
  if (requestId) parts.push(`requestId=${readableValue(requestId)}`);
  if (error) parts.push(`error=${readableValue(error)}`);
  return parts.join(" ");
}

const levelColors: Record<LogLevel, string> = {
  debug: "\u001b[2m",
  info: "\u001b[36m",
  warn: "\u001b[33m",
  error: "\u001b[31m",
};

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const seconds = `${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${seconds}`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, "\\n").replace(/\r/g, "\\r");
}

function readableValue(value: unknown): string {
  const text = String(value);
  return /^[^\s"=\\]+$/.test(text) ? text : JSON.stringify(text);
}

/** The short form for an error: `logError("jobs", "could not listen for new jobs", err)`. */
export function logError(component: string, what: string, err?: unknown): void {
  logger(component).error(what, { err });
}
