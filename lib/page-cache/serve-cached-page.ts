// Campaign pages under a surge: every page carries a nonce made for its response (see proxy.ts), so Next renders
// each view, at about thirty times the cost of sending a file. Instead proxy.ts answers a public page from this
// process's cached copy, with the copy's nonce and form token replaced by fresh ones: each response still has its
// own nonce and its own form token (issued now, so the time-to-submit check still measures the visitor). A copy
// is fresh for PAGE_CACHE_SECONDS; for some time after, it is still served while a new one renders.
import { issueFormToken } from "@/lib/infra/security/form-token";
import { env } from "@/lib/infra/env";
import { withSourceCode, type CacheablePage } from "./cacheable-page";
import { fillPageSoon } from "./fill-page";
import { pageStore } from "./page-store";

/** After it stops being fresh, a copy is still served (while a new one renders) for this many times its freshness. */
const staleFactor = 6;

export type CachedResponse = { body: string; headers: [string, string][]; state: "hit" | "stale" };

/** The page for this response, or null: render it as usual (and have the cache render a copy soon). */
export function cachedPageFor(page: CacheablePage, nonce: string, now = Date.now()): CachedResponse | null {
  if (env.PAGE_CACHE_SECONDS === 0) return null;
  const cached = pageStore().pages.get(page.path);
  const age = cached ? now - cached.storedAt : Infinity;
  const freshMs = env.PAGE_CACHE_SECONDS * 1000;
  if (age >= freshMs) fillPageSoon(page, now);
  if (!cached || age >= freshMs * (1 + staleFactor)) return null;

  let body = cached.html.replaceAll(cached.nonce, nonce);
  if (cached.formToken) body = body.replaceAll(cached.formToken.value, issueFormToken(cached.formToken.kind, now));
  if (page.source) body = withSourceCode(body, page.path, page.source);
  return { body, headers: cached.headers, state: age < freshMs ? "hit" : "stale" };
}
