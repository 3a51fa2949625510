// Renders a page for the cache: this process asks itself for it, with a nonce of its own that the cached copy
// keeps as the placeholder each response replaces (serve-cached-page.ts). The request carries the store's secret so
// that proxy.ts renders it with that nonce (fillNonceOf); no visitor's cookie or header is part of it.
import { createNonce } from "@/lib/infra/security/create-nonce";
import { logError } from "@/lib/infra/log";
import type { CacheablePage } from "./cacheable-page";
import { pageStore, savePage, type CachedPage } from "./page-store";

const fillHeader = "x-page-cache-fill";
/** At most this many renders for the cache at once: a flood of different addresses cannot double the work. */
const maxFilling = 4;
const retryAfterFailureMs = 30_000;
/** Failures remembered at most: made-up addresses must not grow the process's memory without end. */
const maxFailures = 10_000;
const keptHeaders = ["content-type", "cache-control", "vary", "link"];

/** The nonce to render with, when the request is this process's own render for the cache. */
export function fillNonceOf(headers: Headers): string | null {
  const value = headers.get(fillHeader);
  if (!value) return null;
  const [secret, nonce] = value.split(" ");
  return secret === pageStore().fillSecret && nonce && /^[A-Za-z0-9+/=]{16,}$/.test(nonce) ? nonce : null;
}

/** Starts rendering `page` for the cache unless it is under way, failed lately, or too many are. */
export function fillPageSoon(page: CacheablePage, now = Date.now()): void {
  const store = pageStore();
  if (store.filling.has(page.path) || store.filling.size >= maxFilling) return;
  if (now - (store.failedAt.get(page.path) ?? -Infinity) < retryAfterFailureMs) return;
  const startedAt = Date.now();
  const done = fillPage(page)
    .then((cached) => {
      // An organizer changed the campaign while this copy was rendering: it may show the old text.
      if ((store.purgedAt.get(page.path) ?? -Infinity) >= startedAt) return;
      if (cached) {
        savePage(page.path, cached);
        store.failedAt.delete(page.path);
      } else {
        rememberFailure(page.path);
      }
    })
    .catch((err) => {
      rememberFailure(page.path);
      logError("page-cache", `could not render ${page.path} for the cache`, err);
    })
    .finally(() => store.filling.delete(page.path));
  store.filling.set(page.path, done);
}

function rememberFailure(path: string): void {
  const { failedAt } = pageStore();
  failedAt.delete(path);
  failedAt.set(path, Date.now());
  // Maps keep insertion order: the first key is the oldest failure.
  while (failedAt.size > maxFailures) failedAt.delete(failedAt.keys().next().value!);
}

/**
 * Waits (at most `timeoutMs`) for the render of `path` for the cache, if one is under way; says whether it waited.
 * The first views of a page nobody has asked for lately then share one render instead of each making its own: at
 * the start of a surge, that is what keeps the server from rendering the same page for every visitor at once.
 */
export async function fillSettled(path: string, timeoutMs: number): Promise<boolean> {
  const filling = pageStore().filling.get(path);
  if (!filling) return false;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([filling, new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)))]);
  clearTimeout(timer);
  return true;
}

async function fillPage(page: CacheablePage): Promise<CachedPage | null> {
  const nonce = createNonce();
  const res = await fetch(new URL(page.path, ownOrigin()), {
    headers: { [fillHeader]: `${pageStore().fillSecret} ${nonce}`, accept: "text/html" },
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  const html = await res.text();
  // Only a page as every visitor would get it: not an error, a redirect, or one that sets a cookie.
  if (res.status !== 200 || res.headers.has("set-cookie") || !res.headers.get("content-type")?.startsWith("text/html"))
    return null;
  if (!html.includes(`nonce="${nonce}"`)) return null;
  let formToken: CachedPage["formToken"] = null;
  if (page.form) {
    const value = /<input[^>]*name="formToken"[^>]*value="([^"]+)"/.exec(html)?.[1];
    if (!value) return null;
    formToken = { value, kind: page.form };
  }
  const headers = keptHeaders.flatMap((name): [string, string][] => {
    const value = res.headers.get(name);
    return value ? [[name, value]] : [];
  });
  return { html, nonce, formToken, headers, storedAt: Date.now() };
}

function ownOrigin(): string {
  // `next start` records the port it listens on; the cache asks this very process, never a balancer in front.
  return `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}
