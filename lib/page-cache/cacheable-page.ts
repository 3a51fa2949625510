// Which requests proxy.ts may answer from the page cache: a browser's plain GET of a public campaign page, the
// letter composer or the count widget. Next's own navigation requests (RSC payloads, prefetches), anything with a query
// string and every other page are rendered as usual.
import type { FormKind } from "@/lib/infra/security/form-token";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale, locales } from "@/lib/infra/i18n/config";

export type CacheablePage = { path: string; form: FormKind | null };

/** Each cacheable page of a campaign: its address in a language, how to recognise one, and the form it carries. */
const routes: { path: (locale: string, slug: string) => string; pattern: RegExp; form: FormKind | null }[] = [
  { path: (locale, slug) => `/${locale}/c/${slug}`, pattern: /^\/([a-z]{2})\/c\/([^/]+)$/, form: "sign" },
  {
    path: (locale, slug) => `/${locale}/c/${slug}/write`,
    pattern: /^\/([a-z]{2})\/c\/([^/]+)\/write$/,
    form: "letter",
  },
  { path: (locale, slug) => `/embed/${locale}/${slug}`, pattern: /^\/embed\/([a-z]{2})\/([^/]+)$/, form: null },
];

/** Every address of a campaign the cache may hold, in every language (what an organizer's change must drop). */
export function campaignPagePaths(slug: string): string[] {
  return locales.flatMap((locale) => routes.map((route) => route.path(locale, slug)));
}

const navigationHeaders = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
];

export function cacheablePage(method: string, url: URL, headers: Headers): CacheablePage | null {
  if (method !== "GET" || url.search !== "") return null;
  // A browser opening a page asks for HTML; Next's router asks for its payload (next.config.js lets proxy.ts see it).
  if (!headers.get("accept")?.includes("text/html")) return null;
  if (navigationHeaders.some((name) => headers.has(name))) return null;
  for (const { pattern, form } of routes) {
    const match = pattern.exec(url.pathname);
    if (match && isLocale(match[1]) && isCampaignSlug(match[2])) return { path: url.pathname, form };
  }
  return null;
}
