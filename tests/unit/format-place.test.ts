// Places in the reader's order (lib/infra/geo/format-place.ts): Korean large to small, without repeating a name.
import { describe, expect, it } from "vitest";
import { formatPlace } from "@/lib/infra/geo/format-place";

describe("formatPlace", () => {
  it.each([
    [["서울", "서울특별시", "대한민국"], "ko", "대한민국 서울특별시"],
    [["종로구", "서울특별시", "대한민국"], "ko", "대한민국 서울특별시 종로구"],
    [["부산", "부산광역시", "대한민국"], "ko", "대한민국 부산광역시"],
    [["수원시", "경기도", "대한민국"], "ko", "대한민국 경기도 수원시"],
    [["서울시", "서울특별시", "대한민국"], "ko", "대한민국 서울특별시"],
    [["뉴욕", "뉴욕주", "미국"], "ko", "미국 뉴욕주 뉴욕"],
    [[null, "캘리포니아주", "미국"], "ko", "미국 캘리포니아주"],
    [["Albany", "New York", "United States"], "en", "Albany, New York, United States"],
    [["New York", "New York", "United States"], "en", "New York, United States"],
    [["York", "Yorkshire", "United Kingdom"], "en", "York, Yorkshire, United Kingdom"],
    [["Seoul", "Seoul", "South Korea"], "en", "Seoul, South Korea"],
    [[" ", undefined, "독일"], "ko", "독일"],
  ] as const)("%j in %s → %s", (parts, language, expected) => {
    expect(formatPlace([...parts], language)).toBe(expected);
  });
});
