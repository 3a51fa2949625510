// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRoute, json } from "@/lib/infra/http";
import { logger, type LogRecord } from "@/lib/infra/log";
import { currentRequestId } from "@/lib/infra/log-context";
import { requestIdOf } from "@/lib/infra/request-id";

let records: LogRecord[] = [];

beforeEach(() => {
  records = [];
  vi.stubEnv("LOG_FORMAT", "json");
  vi.stubEnv("LOG_LEVEL", "debug");
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      for (const line of String(chunk).split("\n").filter(Boolean)) records.push(JSON.parse(line));
      return true;
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Resolves when `release` is called: lets a test hold one request while the other runs. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

describe("request ids", () => {
  it("stay with their own request when two are handled at once, however deep the log line is written", async () => {
    const first = gate();
    const second = gate();
    const deepWork = async (label: string, wait: Promise<void>) => {
      logger("test").info(`${label} started`);
      await wait;
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger("test").info(`${label} finished`);
    };
    const handler = apiRoute("test.concurrent", async (request) => {
      const label = new URL(request.url).searchParams.get("label")!;
      await deepWork(label, label === "a" ? first.opened : second.opened);
      return json({ label, seen: currentRequestId() });
    });

    const a = handler(new Request("http://localhost/api/x?label=a"), {});
    const b = handler(new Request("http://localhost/api/x?label=b"), {});
    // a waits for b: their lines interleave (a started, b started, b finished, a finished).
    await new Promise((resolve) => setTimeout(resolve, 5));
    second.release();
    const answerB = await b;
    first.release();
    const answerA = await a;

    const idA = answerA.headers.get("x-request-id")!;
    const idB = answerB.headers.get("x-request-id")!;
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    expect((await answerA.json()).seen).toBe(idA);
    expect((await answerB.json()).seen).toBe(idB);
    expect(records.map((r) => [r.msg, r.requestId])).toEqual([
      ["a started", idA],
      ["b started", idB],
      ["b finished", idB],
      ["a finished", idA],
    ]);
    // Outside a request, no id.
    logger("test").info("between requests");
    expect(records.at(-1)).not.toHaveProperty("requestId");
  });

  it("names the request in the log line of an unexpected error, and on the 500 answer", async () => {
    const handler = apiRoute("test.failing", async () => {
      throw Object.assign(new Error("deadlock detected"), { code: "40P01" });
    });
    const answer = await handler(new Request("http://localhost/api/y"), {});
    expect(answer.status).toBe(500);
    expect(records).toEqual([
      expect.objectContaining({
        level: "error",
        component: "api",
        msg: "unexpected error",
        route: "test.failing",
        requestId: answer.headers.get("x-request-id"),
        error: "Error 40P01: deadlock detected",
      }),
    ]);
  });

  it("come from a trusted proxy's X-Request-Id only behind a proxy, and only as a plain token", () => {
    const given = (value: string) => new Headers({ "x-request-id": value });
    expect(requestIdOf(given("nginx-5f2b8c0e9d1a4f7b"), 1)).toBe("nginx-5f2b8c0e9d1a4f7b");
    // No proxy in front: the header is the client's, and ignored.
    expect(requestIdOf(given("nginx-5f2b8c0e9d1a4f7b"), 0)).not.toBe("nginx-5f2b8c0e9d1a4f7b");
    // Text that is not a token is not written into the logs, even from behind a proxy.
    for (const text of ["Kim Canary", "kim.canary@example.org", "<b>x</b>", "x".repeat(129), "id, other-id"]) {
      const id = requestIdOf(given(text), 1);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdOf(new Headers(), 1)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers(), 0)).not.toBe(requestIdOf(new Headers(), 0));
  });

  it("are set on the answer from what a trusted proxy gave", async () => {
    const handler = apiRoute("test.proxied", async () => json({ ok: true }));
    const request = new Request("http://localhost/api/z", { headers: { "x-request-id": "edge-01HZX3" } });
    const { env } = await import("@/lib/infra/env");
    const trusted = env.TRUST_PROXY;
    Object.assign(env, { TRUST_PROXY: 1 });
    try {
      expect((await handler(request, {})).headers.get("x-request-id")).toBe("edge-01HZX3");
    } finally {
      Object.assign(env, { TRUST_PROXY: trusted });
    }
    expect((await handler(request, {})).headers.get("x-request-id")).not.toBe("edge-01HZX3");
  });
});
