// @vitest-environment node
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, formatRecord, settingsFromEnv, type LogLevel, type LogSettings } from "@/lib/infra/log";
import { withRequestId } from "@/lib/infra/log-context";
import { recordOfLine } from "@/lib/cli/relay-output";

function capture(overrides: Partial<LogSettings> = {}) {
  const lines: { line: string; level: LogLevel }[] = [];
  const settings: LogSettings = {
    format: "json",
    level: "debug",
    color: false,
    write: (line, level) => lines.push({ line, level }),
    ...overrides,
  };
  return { lines, log: (component: string) => createLogger(component, () => settings) };
}

describe("log records", () => {
  afterEach(() => vi.useRealTimers());

  it("are one JSON object a line in the JSON format, with time, level, component, request id, message and fields", () => {
    vi.useFakeTimers({ now: new Date("2018-06-12T01:02:03.456Z") });
    const { lines, log } = capture();
    withRequestId("req-1", () => log("api").warn("slow answer", { route: "sign", ms: 812, cached: false }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe("warn");
    expect(lines[0]!.line).not.toContain("\n");
    expect(JSON.parse(lines[0]!.line)).toEqual({
      time: "2018-06-12T01:02:03.456Z",
      level: "warn",
      component: "api",
      requestId: "req-1",
      msg: "slow answer",
      route: "sign",
      ms: 812,
      cached: false,
    });
  });

  it("are one readable line in the development format, a message's line breaks included", () => {
    const { lines, log } = capture({ format: "pretty" });
    withRequestId("req-2", () =>
      log("worker").error("could not send\nat all", { queue: "mail.send", note: "two words", err: new Error("boom") }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} ERROR \[worker\] could not send\\nat all queue=mail\.send note="two words" requestId=req-2 error="Error: boom"$/,
    );
  });

  it("take the format from LOG_FORMAT, else JSON in production and readable elsewhere; the level from LOG_LEVEL", () => {
    expect(settingsFromEnv({ APP_ENV: "production" }).format).toBe("json");
    expect(settingsFromEnv({ APP_ENV: "development" }).format).toBe("pretty");
    expect(settingsFromEnv({ APP_ENV: "development", LOG_FORMAT: "json" }).format).toBe("json");
    expect(settingsFromEnv({ APP_ENV: "production", LOG_FORMAT: "pretty" }).format).toBe("pretty");
    expect(settingsFromEnv({ APP_ENV: "production", LOG_FORMAT: "xml" }).format).toBe("json");
    expect(settingsFromEnv({}).level).toBe("info");
    expect(settingsFromEnv({ LOG_LEVEL: "error" }).level).toBe("error");
    expect(settingsFromEnv({ LOG_LEVEL: "loud" }).level).toBe("info");
  });

  it("below the level are not written", () => {
    const { lines, log } = capture({ level: "warn" });
    const worker = log("worker");
    worker.debug("d");
    worker.info("i");
    worker.warn("w");
    worker.error("e");
    expect(lines.map((l) => JSON.parse(l.line).msg)).toEqual(["w", "e"]);
  });

  it("keep only plain values: objects are named by their kind, and fields cannot replace the record's own keys", () => {
    const { lines, log } = capture();
    log("api").info("x", {
      signer: { name: "Kim Canary", email: "kim.canary@example.org" },
      list: ["kim.canary@example.org"],
      at: new Date("2018-06-12T00:00:00Z"),
      level: "error",
      component: "forged",
      msg: "forged",
      error: "forged",
    });
    const record = JSON.parse(lines[0]!.line);
    expect(record).toMatchObject({ level: "info", component: "api", msg: "x", signer: "[Object]", list: "[Array]" });
    expect(record.at).toBe("2018-06-12T00:00:00.000Z");
    expect(record).not.toHaveProperty("error");
    expect(lines[0]!.line).not.toMatch(/Kim Canary|kim\.canary|forged/);
  });

  it("are written in this process's format whatever format they came in", () => {
    const record = {
      time: "2018-06-12T01:02:03.456Z",
      level: "info" as const,
      component: "next",
      msg: "✓ Ready in 412ms",
    };
    expect(JSON.parse(formatRecord(record, "json"))).toEqual(record);
    expect(formatRecord(record, "pretty")).toMatch(/^\d\d:\d\d:\d\d\.456 INFO  \[next\] ✓ Ready in 412ms$/);
  });
});

describe("a child process's output (next start, next build, migrations)", () => {
  it("passes the child's own records through as they are", () => {
    const own = {
      time: "2018-06-12T01:02:03.456Z",
      level: "error",
      component: "api",
      requestId: "r1",
      msg: "unexpected error",
      route: "sign",
      error: "Error 23514: new row violates check constraint [redacted]",
    };
    expect(recordOfLine(JSON.stringify(own), "next", "stdout")).toEqual(own);
  });

  it("turns any other line into a redacted record of the child's component", () => {
    expect(recordOfLine("\u001b[32m✓\u001b[39m Ready in 412ms", "next", "stdout")).toMatchObject({
      level: "info",
      component: "next",
      msg: "✓ Ready in 412ms",
    });
    expect(recordOfLine(" ⚠ Port 3000 is in use", "next", "stderr")).toMatchObject({ level: "warn" });
    const printed = recordOfLine(
      "  detail: 'Failing row contains (1, Kim Canary, kim.canary@example.org)',",
      "next",
      "stderr",
    );
    expect(printed).toMatchObject({ level: "error", component: "next" });
    expect(printed!.msg).not.toMatch(/Kim Canary|kim\.canary/);
    expect(
      recordOfLine(" GET /en/confirm/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG 200 in 31ms", "next", "stdout"),
    ).toMatchObject({ msg: "GET /en/confirm/[token] 200 in 31ms" });
    expect(recordOfLine("   ", "next", "stdout")).toBeNull();
  });

  it("does not take a JSON line that is not a record for one", () => {
    const foreign = JSON.stringify({ level: "info", component: "x", msg: "m", time: "t", user: { email: "a@b.org" } });
    const record = recordOfLine(foreign, "next", "stdout");
    expect(record).toMatchObject({ component: "next" });
    expect(record!.msg).not.toContain("a@b.org");
  });
});

describe("console.* in a process that routes it (Next's server, the worker, npm start)", () => {
  it("comes out as records of the process's component, errors described, objects named", () => {
    const script = `
      import { routeConsole } from "./lib/infra/log-console.ts";
      routeConsole("next");
      console.log("▲ Next.js %s", "16");
      console.warn("slow", { user: { email: "kim.canary@example.org" } });
      console.error("⨯", Object.assign(new Error("Key (email)=(kim.canary@example.org) exists"), { code: "23505" }));
      console.debug("hidden below the level");
      console.log("");
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, LOG_FORMAT: "json", LOG_LEVEL: "info" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const records = (run.stdout + run.stderr)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map(({ level, component, msg, error }) => ({ level, component, msg, error }))).toEqual(
      expect.arrayContaining([
        { level: "info", component: "next", msg: "▲ Next.js 16", error: undefined },
        { level: "warn", component: "next", msg: "slow [Object]", error: undefined },
        { level: "error", component: "next", msg: "⨯", error: "Error 23505: Key [key]=[redacted] exists" },
      ]),
    );
    expect(records).toHaveLength(3);
    expect(run.stdout + run.stderr).not.toContain("canary");
  });

  it("writes warnings and errors to stderr, the rest to stdout; Node's own warnings become records too", () => {
    const script = `
      import { logger } from "@/lib/infra/log";
      import { logProcessWarnings } from "@/lib/cli/relay-output";
      logProcessWarnings();
      logger("worker").info("sending queued mail and deliveries");
      logger("worker").error("could not start");
      process.emitWarning("Buffer() is deprecated", "DeprecationWarning");
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, LOG_FORMAT: "json", LOG_LEVEL: "info" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const parse = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line))
        .map(({ level, component, msg }) => ({ level, component, msg }));
    expect(parse(run.stdout)).toEqual([
      { level: "info", component: "worker", msg: "sending queued mail and deliveries" },
    ]);
    expect(parse(run.stderr)).toEqual([
      { level: "error", component: "worker", msg: "could not start" },
      { level: "warn", component: "node", msg: "DeprecationWarning: Buffer() is deprecated" },
    ]);
  });
});
