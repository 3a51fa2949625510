// Countries and regions by name in the reader's language, never as codes: "United States" / "미국" from Intl's own
// names, "California" / "캘리포니아" and "Seoul" / "서울특별시" from the region table (regions.ts). A region outside
// the table is the writer's own free text and is shown as written.
import { formatPlace } from "./format-place";
import { regionName } from "./regions";

export function placeNames(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const country = (code: string) => {
    try {
      return names.of(code.trim().toUpperCase()) ?? code;
    } catch {
      // Not a region code Intl knows (malformed): the stored value, rather than no answer.
      return code;
    }
  };
  return {
    country,
    /** The region with its country, in the language's order: "California, United States", "미국 캘리포니아". */
    region: (countryCode: string, region: string) =>
      formatPlace([regionName(countryCode, region, locale), country(countryCode)], locale),
  };
}
