// The process's copies of public pages' HTML, kept for proxy.ts (serve-cached-page.ts). A cache only: every server
// keeps its own, a restart empties it, and a page missing from it is rendered as usual (see serve-cached-page.ts). It lives on globalThis
// because proxy.ts and the route handlers that purge it (purge-campaign-pages.ts) are separate bundles of one process.
import { randomBytes } from "node:crypto";
import type { FormKind } from "@/lib/infra/security/form-token";

export type CachedPage = {
  /** The page as rendered for the cache, with `nonce` where each response gets its own nonce. */
  html: string;
  nonce: string;
  /** The form token rendered into the page, and its form, for each response to get a fresh one. */
  formToken: { value: string; kind: FormKind } | null;
  headers: [string, string][];
  storedAt: number;
};

type PageStore = {
  pages: Map<string, CachedPage>;
  /** Paths being rendered for the cache right now, settling when the render is done (stored or not). */
  filling: Map<string, Promise<void>>;
  /** When a path last failed to render for the cache (404, 500, unreachable): not tried again for a while. */
  failedAt: Map<string, number>;
  /** When a path's copies were last dropped (purge-campaign-pages.ts): a render begun before then is not kept. */
  purgedAt: Map<string, number>;
  /** Proves a request for the cache's own render came from this process (fill-page.ts). */
  fillSecret: string;
};

const storeKey = Symbol.for("open-letters.page-store");
const maxPages = 1_000;

export function pageStore(): PageStore {
  const holder = globalThis as typeof globalThis & { [storeKey]?: PageStore };
  return (holder[storeKey] ??= {
    pages: new Map(),
    filling: new Map(),
    failedAt: new Map(),
    purgedAt: new Map(),
    fillSecret: randomBytes(24).toString("base64url"),
  });
}

export function savePage(path: string, page: CachedPage): void {
  const { pages } = pageStore();
  pages.delete(path);
  pages.set(path, page);
  // Maps keep insertion order: the first key is the page stored longest ago.
  while (pages.size > maxPages) pages.delete(pages.keys().next().value!);
}
