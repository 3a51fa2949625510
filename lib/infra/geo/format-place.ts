// A writer's place as a reader of the letter's language expects it. Korean runs from large to small, separated by
// spaces ("대한민국 서울특별시 종로구"); English from small to large with commas ("Albany, New York, United States").
// A part the next larger one already names is left out: "서울" in "서울특별시", "New York" in "New York".

/** The place from its parts, smallest first (city, region, country); empty parts are skipped. */
export function formatPlace(smallestFirst: (string | null | undefined)[], language: string): string {
  const parts = smallestFirst.map((p) => p?.trim() ?? "").filter(Boolean);
  const kept = parts.filter((part, i) => !parts.slice(i + 1).some((larger) => names(larger, part)));
  return language === "ko" ? kept.reverse().join(" ") : kept.join(", ");
}

/** Whether `larger` already names `smaller`: the same name, also with a Korean city's suffix (서울, 서울시, 서울특별시). */
function names(larger: string, smaller: string): boolean {
  return stem(larger) === stem(smaller);
}

const citySuffix = /(특별시|광역시|특별자치시|특별자치도|시)$/;
const stem = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s.,·-]+/g, "")
    .replace(citySuffix, "");
