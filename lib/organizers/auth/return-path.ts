// Where the sign-in page sends an organizer afterwards: back to the organizer page they asked for. Only a path of
// this site's own organizer pages is taken (never another origin, a protocol-relative "//host" or a "/\host" a browser
// reads as one), so a link cannot use our sign-in to send someone elsewhere.
import { isLocale } from "@/lib/infra/i18n/config";

/** The request header the proxy (proxy.ts) sets to the page's own path and query, for the redirect to sign in. */
export const requestPathHeader = "x-open-letters-path";

const base = "http://open-letters.invalid";

/** The path to return to after signing in, or null when `value` is not one of this site's organizer pages. */
export function returnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  // One leading slash, then a path: not "//host", not "/\host", no backslash or control character anywhere.
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const [, locale, area, page] = url.pathname.split("/");
  if (!isLocale(locale) || area !== "admin" || page === "sign-in") return null;
  // Next's own marker of a data request (a refresh), not part of the page's address.
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address for a locale, carrying the page to return to when there is one. */
export function signInPath(locale: string, from: unknown): string {
  const next = returnPath(from);
  // The dashboard is where signing in leads anyway: its address stays short.
  const carried = next && next !== `/${locale}/admin`;
  return `/${locale}/admin/sign-in${carried ? `?next=${encodeURIComponent(next)}` : ""}`;
}
