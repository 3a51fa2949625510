// A moment as a reader of each language expects it, with its time zone named: a writer must know exactly when their
// letter leaves. English pages say UTC; Korean pages say Korea Standard Time, where most Korean readers are.
import type { Locale } from "./config";

const zones: Record<Locale, string> = { en: "UTC", ko: "Asia/Seoul" };

/** The time zone a reader of `locale` counts days in. */
export function timeZoneOf(locale: Locale): string {
  return zones[locale];
}

export function formatMoment(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    // "21:40 한국 표준시"; "12:40 PM UTC".
    ...(locale === "ko"
      ? { hourCycle: "h23" as const, timeZoneName: "long" as const }
      : { timeZoneName: "short" as const }),
    timeZone: zones[locale],
  }).format(at);
}

/** A day only, for what already happened ("the digest of December 3, 2026"). */
export function formatDay(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: zones[locale],
  }).format(at);
}
