// Which requests proxy.ts may answer from the page cache: a browser's plain GET of a public campaign page, the
// letter composer or the count widget. Next's own navigation requests (RSC payloads, prefetches), any query string
// but a lone `?source=` code (a shared link: the same page, with the code written in) and every other page are
// rendered as usual.
import type { FormKind } from "@/lib/infra/security/form-token";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale, locales } from "@/lib/infra/i18n/config";
import { sourceCode } from "@/lib/campaigns/source-code";

export type CacheablePage = { path: string; form: FormKind | null; source?: string };

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
  if (method !== "GET") return null;
  const source = url.search === "" ? undefined : loneSourceCode(url.searchParams);
  if (source === null) return null;
  // A browser opening a page asks for HTML; Next's router asks for its payload (next.config.js lets proxy.ts see it).
  if (!headers.get("accept")?.includes("text/html")) return null;
  if (navigationHeaders.some((name) => headers.has(name))) return null;
  for (const { pattern, form } of routes) {
    const match = pattern.exec(url.pathname);
    if (match && isLocale(match[1]) && isCampaignSlug(match[2]))
      return source ? { path: url.pathname, form, source } : { path: url.pathname, form };
  }
  return null;
}

/** The code of a query that is exactly one valid `source`, else null. */
function loneSourceCode(params: URLSearchParams): string | null {
  const keys = [...params.keys()];
  if (keys.length !== 1 || keys[0] !== "source") return null;
  const code = sourceCode(params.get("source"));
  return code && code === params.get("source") ? code : null;
}

/**
 * A cached copy as the page would render for `?source=<code>`: the sign form's hidden field and the link to the
 * composer carry the code. The copy itself is rendered without one (its field is empty).
 */
export function withSourceCode(html: string, path: string, code: string): string {
  return html
    .replace('name="source" value=""', `name="source" value="${code}"`)
    .replaceAll(`href="${path}/write"`, `href="${path}/write?source=${code}"`);
}
