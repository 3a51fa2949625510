// What the processes `npm start` runs (next start, next build, migrations) write, re-emitted as this process's log
// records: their own records (JSON lines: the child is told LOG_FORMAT=json) pass through in this process's format,
// and any other line (Next's banner, the errors it prints, Node's warnings) becomes a record of the child's
// component, redacted like an error message: it is text we did not write.
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { now } from "@/lib/infra/clock";
import { emit, logger, logLevels, redact, type LogLevel, type LogRecord } from "@/lib/infra/log";
import { ansiEscape } from "@/lib/infra/log-console";

/** The record a line of a child's output stands for, or null for a blank line. */
export function recordOfLine(line: string, component: string, stream: "stdout" | "stderr"): LogRecord | null {
  const text = line.replace(ansiEscape, "").trim();
  if (!text) return null;
  const own = ownRecord(text);
  if (own) return own;
  const level: LogLevel = stream === "stdout" ? "info" : /^(⚠|\(node:\d+\) \w*Warning)/.test(text) ? "warn" : "error";
  return { time: now().toISOString(), level, component, msg: redact(text) };
}

/** A JSON line with a record's shape and nothing but plain values: one of ours, written by the child's logger. */
function ownRecord(text: string): LogRecord | null {
  if (!text.startsWith("{")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const shaped =
    typeof record.time === "string" &&
    (logLevels as readonly unknown[]).includes(record.level) &&
    typeof record.component === "string" &&
    typeof record.msg === "string" &&
    Object.values(record).every((v) => v === null || ["string", "number", "boolean"].includes(typeof v));
  return shaped ? (record as LogRecord) : null;
}

/** Re-emits a child's stdout and stderr line by line; resolves when both have ended. */
export function relayOutput(child: ChildProcess, component: string): Promise<void> {
  const streams = (["stdout", "stderr"] as const).map((name) => {
    const stream = child[name];
    if (!stream) return Promise.resolve();
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on("line", (line) => {
      const record = recordOfLine(line, component, name);
      if (record) emit(record);
    });
    return new Promise<void>((done) => lines.once("close", done));
  });
  return Promise.all(streams).then(() => {});
}

/** Node's own warnings (deprecations, experimental features) as records of this process, not free text on stderr. */
export function logProcessWarnings(): void {
  const log = logger("node");
  process.removeAllListeners("warning");
  process.on("warning", (warning) => log.warn(redact(`${warning.name}: ${warning.message}`)));
}
