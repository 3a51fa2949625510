import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/infra/http";
import { AppError } from "@/lib/infra/errors";

describe("errorResponse", () => {
  it("answers an unreachable database with 503, a Retry-After and a clear message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      "en",
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({
      error: {
        code: "service_unavailable",
        message: "The service is temporarily unavailable. Please try again shortly.",
      },
    });
    log.mockRestore();
  });

  it("answers an unknown error with a generic 500 and no details", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error('duplicate key value violates unique constraint "x" (SELECT secret)'), "ko");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({
      error: { code: "internal_error", message: "서버에 문제가 생겨 요청을 처리하지 못했습니다. 다시 시도해 주세요." },
    });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|duplicate|stack/);
    log.mockRestore();
  });

  it("maps each AppError code to its status with a translated message", async () => {
    const res = errorResponse(new AppError("campaign_closed"), "en");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "campaign_closed", message: "This campaign is closed and no longer takes signatures." },
    });
  });
});
