// The header rules by route kind and environment (lib/security); tests/integration/security-headers.test.ts checks
// that a running server applies them to every kind of route.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { routeKindOf } from "@/lib/infra/security/route-kind";
import { securityHeaders, type SecurityOptions } from "@/lib/infra/security/security-headers";
import { createNonce } from "@/lib/infra/security/create-nonce";
import { inlinedStyleHashes } from "@/lib/infra/security/inlined-style-hashes";
import { refusedPageRequest, serverActionBodyLimit } from "@/lib/infra/security/server-action-guard";

const test: SecurityOptions = { production: false, devServer: false, embedAncestors: "*", styleHashes: [] };
const production: SecurityOptions = { ...test, production: true, embedAncestors: "https://partner.example" };
const devServer: SecurityOptions = { ...test, devServer: true };

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));
}

describe("routeKindOf", () => {
  it.each([
    ["/", "page"],
    ["/en/c/some-campaign", "page"],
    ["/ko/admin/campaigns/1", "page"],
    ["/en/api/campaigns/x/count", "page"],
    ["/dev/mailbox/abc", "page"],
    ["/en/confirm/tok3n", "token-page"],
    ["/ko/withdraw/tok3n", "token-page"],
    ["/en/letters/confirm/tok3n", "token-page"],
    ["/ko/letters/withdraw/tok3n", "token-page"],
    ["/en/admin/invitation/tok3n", "token-page"],
    ["/en/confirm", "page"],
    ["/en/c/confirm/write", "page"],
    ["/dev/mailbox/abc/html", "mail-preview"],
    ["/api/campaigns/some-campaign/count", "frameable-api"],
    ["/api/campaigns/some-campaign/count/", "frameable-api"],
    ["/api/campaigns/some-campaign/signatures", "api"],
    ["/api/campaigns/some-campaign/count/extra", "api"],
    ["/api/organizer/campaigns/1/exports/signers", "api"],
    ["/api/auth/get-session", "api"],
    ["/apis", "page"],
    ["/embed/en/some-campaign", "embed"],
    ["/embedded", "page"],
  ] as const)("%s is a %s", (path, kind) => {
    expect(routeKindOf(path)).toBe(kind);
  });
});

describe("securityHeaders", () => {
  it("gives pages a nonce-based policy that refuses framing, inline code and plugins", () => {
    const h = securityHeaders("page", test, "abc123==");
    const d = directives(h["content-security-policy"]!);
    expect(d).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    expect(h).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(h["permissions-policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(h).not.toHaveProperty("strict-transport-security");
  });

  it("sends no Referer to other sites from anywhere, token pages included, yet lets their forms post with an Origin", () => {
    // "no-referrer" would make browsers post with `Origin: null`, which Next refuses: Confirm without JS would fail.
    const token = securityHeaders("token-page", test, "n");
    expect(token["referrer-policy"]).toBe("same-origin");
    expect(token["content-security-policy"]).toBe(securityHeaders("page", test, "n")["content-security-policy"]);
    for (const kind of ["page", "embed", "api", "frameable-api", "mail-preview"] as const) {
      expect(securityHeaders(kind, test, "n")["referrer-policy"]).toBe("same-origin");
    }
  });

  it("adds HSTS and upgrade-insecure-requests in production only, to every kind", () => {
    for (const kind of ["page", "token-page", "embed", "api", "frameable-api", "mail-preview"] as const) {
      const h = securityHeaders(kind, production, "n");
      expect(h["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
      expect(securityHeaders(kind, test, "n")).not.toHaveProperty("strict-transport-security");
    }
    expect(securityHeaders("page", production, "n")["content-security-policy"]).toMatch(/; upgrade-insecure-requests$/);
    expect(securityHeaders("page", test, "n")["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval and inline styles to the dev server only", () => {
    const dev = directives(securityHeaders("page", devServer, "n")["content-security-policy"]!);
    expect(dev["script-src"]).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(dev["style-src"]).toBe("'self' 'unsafe-inline'");
    for (const options of [test, production]) {
      expect(securityHeaders("page", options, "n")["content-security-policy"]).not.toMatch(/unsafe-/);
    }
  });

  it("allows the stylesheets written into pages by their hashes, and no other inline style", () => {
    const dir = mkdtempSync(join(tmpdir(), "ol-static-"));
    mkdirSync(join(dir, "chunks"));
    writeFileSync(join(dir, "chunks", "app.css"), ":root{color:#111827}");
    writeFileSync(join(dir, "chunks", "app.js"), "0");
    const styleHashes = inlinedStyleHashes(dir);
    const hash = createHash("sha256").update(":root{color:#111827}").digest("base64");
    expect(styleHashes).toEqual([`'sha256-${hash}'`]);
    const csp = directives(securityHeaders("page", { ...production, styleHashes }, "n")["content-security-policy"]!);
    expect(csp["style-src"]).toBe(`'self' 'sha256-${hash}'`);
    expect(inlinedStyleHashes(join(dir, "missing"))).toEqual([]);
  });

  it("lets the configured sites frame the count and the widget, and nothing else", () => {
    for (const kind of ["frameable-api", "embed"] as const) {
      const h = securityHeaders(kind, production, "n");
      expect(directives(h["content-security-policy"]!)["frame-ancestors"]).toBe("https://partner.example");
      expect(h).not.toHaveProperty("x-frame-options");
    }
    for (const kind of ["page", "token-page", "api"] as const) {
      const h = securityHeaders(kind, production, "n");
      expect(directives(h["content-security-policy"]!)["frame-ancestors"]).toBe("'none'");
      expect(h["x-frame-options"]).toBe("DENY");
    }
  });

  it("gives data routes a policy under which nothing loads", () => {
    expect(directives(securityHeaders("api", test)["content-security-policy"]!)).toEqual({
      "default-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
  });

  it("lets the mailbox preview use inline styles, sandboxed, framed by this site only", () => {
    const h = securityHeaders("mail-preview", test);
    const d = directives(h["content-security-policy"]!);
    expect(d).toMatchObject({
      "default-src": "'none'",
      "style-src": "'unsafe-inline'",
      "frame-ancestors": "'self'",
      sandbox: "",
    });
    expect(d).not.toHaveProperty("script-src");
    expect(h["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("refuses to build a page policy without a nonce", () => {
    expect(() => securityHeaders("page", test)).toThrow(/nonce/);
    expect(() => securityHeaders("embed", test)).toThrow(/nonce/);
    expect(() => securityHeaders("token-page", test)).toThrow(/nonce/);
  });
});

describe("createNonce", () => {
  it("makes 128-bit base64 nonces, a new one each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("refusedPageRequest (server actions, checked in proxy.ts before Next runs them)", () => {
  const app = "https://letters.example";
  it.each([
    ["a page view", "GET", { origin: "https://evil.example" }, null],
    ["an action from this site", "POST", { origin: app, referer: `${app}/en/c/x`, "content-length": "900" }, null],
    ["an action from a client that is not a browser", "POST", {}, null],
    ["another site's Origin", "POST", { origin: "https://evil.example" }, "cross_site_request"],
    ["a sibling subdomain", "POST", { origin: "https://x.letters.example" }, "cross_site_request"],
    ["an opaque Origin", "POST", { origin: "null" }, "cross_site_request"],
    ["another site's Referer", "POST", { origin: app, referer: "https://evil.example/" }, "cross_site_request"],
    ["a malformed Referer", "POST", { referer: "::" }, "cross_site_request"],
    ["Sec-Fetch-Site same-site", "POST", { "sec-fetch-site": "same-site" }, "cross_site_request"],
    [
      "a body over the limit",
      "POST",
      { origin: app, "content-length": String(serverActionBodyLimit + 1) },
      "payload_too_large",
    ],
    ["a body at the limit", "POST", { origin: app, "content-length": String(serverActionBodyLimit) }, null],
    // As Next's own check: an origin naming the host the request was sent to is this site, whatever APP_URL says.
    ["an action to the host it names", "POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }, null],
    [
      "another site, to our host",
      "POST",
      { host: "127.0.0.1:3100", origin: "http://evil.example" },
      "cross_site_request",
    ],
    [
      "our host's Origin with another site's Referer",
      "POST",
      { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", referer: "https://evil.example/" },
      "cross_site_request",
    ],
  ] as const)("%s", (_label, method, headers, refused) => {
    expect(refusedPageRequest(method, new Headers(headers), app)).toBe(refused);
  });
});
