// The page cache's rules (lib/page-cache): which requests it may answer, and that every answer gets a nonce and a
// form token of its own. tests/integration/security-headers.test.ts checks it on a running server.
import { afterEach, describe, expect, it } from "vitest";
import { formTokenIssuedAt } from "@/lib/infra/security/form-token";
import { cacheablePage } from "@/lib/page-cache/cacheable-page";
import { pageStore, savePage } from "@/lib/page-cache/page-store";
import { purgeCampaignPages } from "@/lib/page-cache/purge-campaign-pages";
import { cachedPageFor } from "@/lib/page-cache/serve-cached-page";
import { fillSettled } from "@/lib/page-cache/fill-page";

const url = (path: string) => new URL(path, "http://app.test");
const html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("cacheablePage", () => {
  it.each([
    ["/en/c/summit-letter", "sign"],
    ["/ko/c/summit-letter", "sign"],
    ["/en/c/summit-letter/write", "letter"],
    ["/embed/ko/summit-letter", null],
  ] as const)("answers GET %s from the cache (form %s)", (path, form) => {
    expect(cacheablePage("GET", url(path), new Headers({ accept: html }))).toEqual({ path, form });
  });

  it("answers a shared link (a lone valid ?source= code) from the same copy, with the code", () => {
    const page = cacheablePage("GET", url("/ko/c/summit-letter?source=share-kakao"), new Headers({ accept: html }));
    expect(page).toEqual({ path: "/ko/c/summit-letter", form: "sign", source: "share-kakao" });
  });

  it.each([
    ["a POST (the no-JavaScript form)", "POST", "/en/c/summit-letter", {}],
    ["a HEAD", "HEAD", "/en/c/summit-letter", {}],
    ["a query string", "GET", "/en/c/summit-letter?ref=mail", {}],
    ["a source code beside another parameter", "GET", "/en/c/summit-letter?source=mail&ref=x", {}],
    ["a source code of another shape", "GET", "/en/c/summit-letter?source=%3Cb%3E", {}],
    ["a source code given twice", "GET", "/en/c/summit-letter?source=a1&source=b2", {}],
    ["Next's navigation payload", "GET", "/en/c/summit-letter", { rsc: "1" }],
    ["Next's navigation payload (its query)", "GET", "/en/c/summit-letter?_rsc=1x2y3", {}],
    ["a prefetch", "GET", "/en/c/summit-letter", { "next-router-prefetch": "1" }],
    ["a request for something other than HTML", "GET", "/en/c/summit-letter", { accept: "text/x-component" }],
    ["a request that does not say what it accepts", "GET", "/en/c/summit-letter", { accept: "" }],
    ["an unknown language", "GET", "/fr/c/summit-letter", {}],
    ["a slug no campaign can have", "GET", "/en/c/Summit_Letter", {}],
    ["the start page", "GET", "/en", {}],
    ["an organizer page", "GET", "/en/admin", {}],
    ["a confirm page", "GET", "/en/confirm/abc", {}],
    ["a trailing path", "GET", "/en/c/summit-letter/write/more", {}],
  ])("renders %s as usual", (_name, method, path, headers) => {
    expect(cacheablePage(method, url(path), new Headers({ accept: html, ...headers }))).toBeNull();
  });
});

describe("cachedPageFor", () => {
  const page = { path: "/en/c/cache-test", form: "sign" as const };
  const oldNonce = "T2xkTm9uY2VPbGROb25jZQ==";
  const oldToken = "mwzrchj2.zcrjsh7LJdVM6ul_s_73R6B3XSU6cCzqDDvvaKS-lBk";
  const html = `<script nonce="${oldNonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${oldNonce}\\",\\"formToken\\":\\"${oldToken}\\"}"])</script><input type="hidden" name="formToken" value="${oldToken}">`;

  afterEach(() => purgeCampaignPages("cache-test"));

  function store(storedAt: number) {
    savePage(page.path, {
      html,
      nonce: oldNonce,
      formToken: { value: oldToken, kind: "sign" },
      headers: [["content-type", "text/html; charset=utf-8"]],
      storedAt,
    });
  }

  it("writes the response's own nonce and a freshly issued form token everywhere the copy had its own", () => {
    const now = Date.now();
    store(now - 1000);
    const served = cachedPageFor(page, "TmV3Tm9uY2VOZXdOb25jZQ==", now)!;
    expect(served.state).toBe("hit");
    expect(served.body).not.toContain(oldNonce);
    expect(served.body).not.toContain(oldToken);
    expect(served.body.match(/TmV3Tm9uY2VOZXdOb25jZQ==/g)).toHaveLength(2);
    const token = /name="formToken" value="([^"]+)"/.exec(served.body)![1]!;
    expect(formTokenIssuedAt(token, "sign")).toBe(now);
    expect(served.body.split(token)).toHaveLength(3);
    expect(served.headers).toEqual([["content-type", "text/html; charset=utf-8"]]);
  });

  it("writes a shared link's source code into the sign form and the link to the composer", () => {
    const now = Date.now();
    savePage(page.path, {
      html: `<input type="hidden" name="source" value=""/><a href="/en/c/cache-test/write">Write</a>`,
      nonce: oldNonce,
      formToken: null,
      headers: [],
      storedAt: now,
    });
    const served = cachedPageFor({ ...page, source: "share-x" }, "TmV3Tm9uY2VOZXdOb25jZQ==", now)!;
    expect(served.body).toBe(
      `<input type="hidden" name="source" value="share-x"/><a href="/en/c/cache-test/write?source=share-x">Write</a>`,
    );
    expect(cachedPageFor(page, "TmV3Tm9uY2VOZXdOb25jZQ==", now)!.body).toContain('name="source" value=""');
  });

  it("serves a copy past its freshness as stale for a while, then not at all", () => {
    const now = Date.now();
    const fresh = 10_000; // PAGE_CACHE_SECONDS' default
    pageStore().filling.set(page.path, Promise.resolve()); // a render for the cache is under way: none is started here
    try {
      store(now - fresh - 1);
      expect(cachedPageFor(page, "TmV3Tm9uY2VOZXdOb25jZQ==", now)?.state).toBe("stale");
      store(now - fresh * 7 - 1);
      expect(cachedPageFor(page, "TmV3Tm9uY2VOZXdOb25jZQ==", now)).toBeNull();
    } finally {
      pageStore().filling.delete(page.path);
    }
  });

  it("serves nothing once an organizer's change purged the campaign's pages", () => {
    store(Date.now());
    purgeCampaignPages("cache-test");
    pageStore().filling.set(page.path, Promise.resolve());
    try {
      expect(cachedPageFor(page, "TmV3Tm9uY2VOZXdOb25jZQ==")).toBeNull();
    } finally {
      pageStore().filling.delete(page.path);
    }
  });
});

describe("fillSettled", () => {
  it("lets a view wait for the render under way, for at most the time given, and not at all when none is", async () => {
    const path = "/en/c/wait-test";
    expect(await fillSettled(path, 1000)).toBe(false);

    let finish!: () => void;
    pageStore().filling.set(path, new Promise<void>((done) => (finish = done)));
    try {
      const started = Date.now();
      const waited = fillSettled(path, 5000);
      setTimeout(() => finish(), 50);
      expect(await waited).toBe(true);
      expect(Date.now() - started).toBeLessThan(4000);

      pageStore().filling.set(path, new Promise<void>(() => {}));
      const stuck = Date.now();
      expect(await fillSettled(path, 100)).toBe(true);
      expect(Date.now() - stuck).toBeGreaterThanOrEqual(95);
    } finally {
      pageStore().filling.delete(path);
    }
  });
});
