import { describe, expect, it } from "vitest";
import { placeNames } from "@/lib/infra/geo/place-names";

describe("place names", () => {
  it("names countries in the reader's language, never by code", () => {
    expect(placeNames("en").country("KR")).toBe("South Korea");
    expect(placeNames("ko").country("KR")).toBe("대한민국");
    expect(placeNames("ko").country("US")).toBe("미국");
  });

  it("names a listed region from the region table, with its country in the language's order", () => {
    expect(placeNames("en").region("US", "CA")).toBe("California, United States");
    expect(placeNames("ko").region("US", "CA")).toBe("미국 캘리포니아");
    expect(placeNames("ko").region("KR", "11")).toBe("대한민국 서울특별시");
    expect(placeNames("en").region("KR", "11")).not.toMatch(/\b11\b/);
  });

  it("keeps a free-text region as written, and a malformed country code as stored", () => {
    expect(placeNames("en").region("DE", "Bavaria")).toBe("Bavaria, Germany");
    expect(placeNames("en").country("1")).toBe("1");
  });
});
