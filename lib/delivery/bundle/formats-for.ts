// Numbers, dates, countries, languages and regions in the target's language (Intl, no tables of our own), made
// once per bundle. Regions are stored as codes for US states and Korean provinces; the caller's `regionName`
// (lib/geo/regions) names them, and free text is shown as typed.
import { formatPlace } from "@/lib/infra/geo/format-place";
import type { Language } from "./types";

export type RegionName = (country: string, region: string, language: Language) => string | null | undefined;

export type Formats = {
  number(n: number): string;
  dateTime(d: Date): string;
  country(code: string): string;
  language(code: string): string;
  region(country: string, region: string): string;
  /** A place from its parts, smallest first, in the language's order ("대한민국 서울특별시" / "Albany, New York"). */
  place(smallestFirst: (string | null | undefined)[]): string;
};

export function formatsFor(language: Language, regionName?: RegionName): Formats {
  const numbers = new Intl.NumberFormat(language);
  // A 24-hour clock: ICU's Korean data gives "AM 9:00", which reads as English.
  const dates = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  const times = new Intl.DateTimeFormat(language, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });
  const countries = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
  const languages = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
  const countryNames = new Map<string, string>();
  return {
    number: (n) => numbers.format(n),
    place: (smallestFirst) => formatPlace(smallestFirst, language),
    dateTime: (d) => `${dates.format(d)} ${times.format(d)} UTC`,
    country(code) {
      let name = countryNames.get(code);
      if (name === undefined) {
        try {
          name = countries.of(code) ?? code;
        } catch {
          name = code;
        }
        countryNames.set(code, name);
      }
      return name;
    },
    language(code) {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
    region: (country, region) => regionName?.(country, region, language) || region,
  };
}
