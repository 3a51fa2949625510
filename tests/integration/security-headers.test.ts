// Security headers on a running server (`next start`, so proxy.ts and rendering are the real ones), on a sample of
// every kind of route: pages in both languages, campaign and write pages, confirm and withdraw pages, admin pages,
// the dev mailbox, API routes with their JSON errors and CSV exports, the count endpoint and widget, 404s, static
// files. Also:
// campaign page views come from the page cache with their own nonce and form token, make no database query once
// cached, and an organizer's change still shows at once.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIssuedAt } from "@/lib/infra/security/form-token";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { testDatabaseUrl } from "../../vitest.config";
import { countingDbRelay } from "./db-traffic";
import { buildIfStale, startNextServer } from "./next-server";
import { appOrigin, campaignWithData, organizerSession } from "./organizer-helpers";

type Server = Awaited<ReturnType<typeof startNextServer>>;
type Relay = Awaited<ReturnType<typeof countingDbRelay>>;
type Kind = "page" | "token-page" | "embed" | "api" | "frameable" | "mail-preview" | "static";

let server: Server;
let relay: Relay;
let owner: Awaited<ReturnType<typeof organizerSession>>;
let campaign: Awaited<ReturnType<typeof campaignWithData>>["campaign"];
const mailId = `header-test-${randomUUID().slice(0, 8)}`;
const mailbox = process.env.MAILBOX_DIR!;

beforeAll(async () => {
  buildIfStale();
  // The server reaches Postgres only through the relay, so that its queries can be counted.
  relay = await countingDbRelay(testDatabaseUrl);
  server = await startNextServer({ DATABASE_URL: relay.url });
  owner = await organizerSession("owner");
  ({ campaign } = await campaignWithData(owner.organization.id));
  mkdirSync(mailbox, { recursive: true });
  writeFileSync(
    join(mailbox, `${mailId}.eml`),
    [
      "From: Open Letters <no-reply@example.test>",
      "To: signer@example.test",
      "Subject: Header test",
      "Date: Fri, 27 Nov 2026 12:00:00 +0000",
      `Message-ID: <${mailId}@example.test>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hello",
      "--b",
      "Content-Type: text/html; charset=utf-8",
      "",
      '<p style="color:#1d4ed8">Hello</p>',
      "--b--",
      "",
    ].join("\r\n"),
  );
}, 900_000);

afterAll(async () => {
  await server?.stop();
  await relay?.close();
  rmSync(join(mailbox, `${mailId}.eml`), { force: true });
  await stopBoss();
  await closeDb();
});

async function get(path: string, init: RequestInit = {}) {
  // As a browser asks for a page (the page cache answers only such requests).
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) headers.set("accept", "text/html,application/xhtml+xml,*/*;q=0.8");
  const res = await fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers });
  return { res, body: await res.text() };
}

const signedIn = () => ({ headers: { cookie: owner.cookie } });

function expectHeaders(res: Response, body: string, kind: Kind) {
  const h = res.headers;
  expect(h.get("x-content-type-options")).toBe("nosniff");
  if (kind === "static") return;
  expect(h.get("referrer-policy")).toBe("same-origin");
  expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(h.get("permissions-policy")).toMatch(/camera=\(\)/);
  expect(h.get("strict-transport-security")).toBeNull();
  const csp = h.get("content-security-policy") ?? "";
  expect(csp).toContain("base-uri 'none'");
  expect(csp).not.toContain("unsafe-eval");
  if (kind === "page" || kind === "token-page" || kind === "embed") {
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(kind === "embed" ? "frame-ancestors *" : "frame-ancestors 'none'");
    expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(h.get("x-frame-options")).toBe(kind === "embed" ? null : "DENY");
    if (h.get("content-type")?.startsWith("text/html")) {
      // Every script Next wrote carries this response's nonce, or it would not run; no element has a style attribute;
      // and the page's stylesheet, written into it (next.config.js, inlineCss), is allowed by its hash, as is any other
      // <style> in it.
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(body).not.toMatch(/<[^>]+\sstyle="/);
      for (const [, text] of body.matchAll(/<style\b[^>]*>([^<]*)<\/style>/g))
        expect(csp).toContain(`'sha256-${createHash("sha256").update(text!).digest("base64")}'`);
    }
  } else if (kind === "mail-preview") {
    expect(csp).toMatch(/default-src 'none'; style-src 'unsafe-inline';.*frame-ancestors 'self'; sandbox/);
    expect(h.get("x-frame-options")).toBe("SAMEORIGIN");
  } else {
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain(kind === "frameable" ? "frame-ancestors *" : "frame-ancestors 'none'");
    expect(h.get("x-frame-options")).toBe(kind === "frameable" ? null : "DENY");
  }
}

describe("every kind of route", () => {
  const cases: {
    name: string;
    path: () => string;
    init?: () => RequestInit;
    status: number;
    kind: Kind;
    type?: RegExp;
  }[] = [
    { name: "start page (en)", path: () => "/en", status: 200, kind: "page" },
    { name: "start page (ko)", path: () => "/ko", status: 200, kind: "page" },
    { name: "language redirect", path: () => "/", status: 307, kind: "page" },
    { name: "campaign page (en)", path: () => `/en/c/${campaign.slug}`, status: 200, kind: "page" },
    { name: "campaign page (ko)", path: () => `/ko/c/${campaign.slug}`, status: 200, kind: "page" },
    { name: "write page", path: () => `/en/c/${campaign.slug}/write`, status: 200, kind: "page" },
    { name: "write page (ko)", path: () => `/ko/c/${campaign.slug}/write`, status: 200, kind: "page" },
    { name: "confirm page", path: () => "/en/confirm/not-a-token", status: 200, kind: "token-page" },
    { name: "withdraw page (ko)", path: () => "/ko/withdraw/not-a-token", status: 200, kind: "token-page" },
    { name: "letter confirm page", path: () => "/en/letters/confirm/not-a-token", status: 200, kind: "token-page" },
    { name: "letter withdraw page", path: () => "/ko/letters/withdraw/not-a-token", status: 200, kind: "token-page" },
    { name: "invitation page", path: () => "/en/admin/invitation/not-a-token", status: 200, kind: "token-page" },
    { name: "admin sign-in", path: () => "/en/admin/sign-in", status: 200, kind: "page" },
    { name: "admin, signed out (redirect)", path: () => "/en/admin", status: 307, kind: "page" },
    { name: "admin campaign list", path: () => "/ko/admin", init: signedIn, status: 200, kind: "page" },
    {
      name: "admin campaign page",
      path: () => `/en/admin/campaigns/${campaign.id}`,
      init: signedIn,
      status: 200,
      kind: "page",
    },
    { name: "admin export log", path: () => "/en/admin/exports", init: signedIn, status: 200, kind: "page" },
    { name: "dev mailbox", path: () => "/dev/mailbox", status: 200, kind: "page" },
    { name: "dev mailbox message", path: () => `/dev/mailbox/${mailId}`, status: 200, kind: "page" },
    {
      name: "dev mailbox email HTML",
      path: () => `/dev/mailbox/${mailId}/html`,
      status: 200,
      kind: "mail-preview",
      type: /^text\/html/,
    },
    { name: "unknown address", path: () => "/no/such/page", status: 404, kind: "page" },
    { name: "unknown address in a language", path: () => "/en/no-such-page", status: 404, kind: "page" },
    { name: "unknown campaign", path: () => "/en/c/no-such-campaign", status: 404, kind: "page" },
    { name: "count widget (en)", path: () => `/embed/en/${campaign.slug}`, status: 200, kind: "embed" },
    { name: "count widget (ko)", path: () => `/embed/ko/${campaign.slug}`, status: 200, kind: "embed" },
    { name: "count widget, unknown campaign", path: () => "/embed/en/no-such-campaign", status: 404, kind: "embed" },
    {
      name: "count endpoint",
      path: () => `/api/campaigns/${campaign.slug}/count`,
      status: 200,
      kind: "frameable",
      type: /^application\/json/,
    },
    {
      name: "count endpoint, unknown campaign (JSON error)",
      path: () => "/api/campaigns/no-such-campaign/count",
      status: 404,
      kind: "frameable",
      type: /^application\/json/,
    },
    {
      name: "sign endpoint, invalid body (JSON error)",
      path: () => `/api/campaigns/${campaign.slug}/signatures`,
      init: () => ({ method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      status: 422,
      kind: "api",
      type: /^application\/json/,
    },
    {
      name: "organizer API, signed out (JSON error)",
      path: () => "/api/organizer/campaigns",
      status: 401,
      kind: "api",
      type: /^application\/json/,
    },
    {
      name: "organizer API",
      path: () => `/api/organizer/campaigns/${campaign.id}/counts`,
      init: signedIn,
      status: 200,
      kind: "api",
      type: /^application\/json/,
    },
    {
      name: "signer CSV export",
      path: () => `/api/organizer/campaigns/${campaign.id}/exports/signers`,
      init: signedIn,
      status: 200,
      kind: "api",
      type: /^text\/csv/,
    },
    {
      name: "counts CSV export",
      path: () => `/api/organizer/campaigns/${campaign.id}/exports/counts`,
      init: signedIn,
      status: 200,
      kind: "api",
      type: /^text\/csv/,
    },
    { name: "auth route", path: () => "/api/auth/get-session", status: 200, kind: "api" },
    {
      name: "unknown API route (JSON error)",
      path: () => "/api/no-such-route",
      status: 404,
      kind: "api",
      type: /^application\/json/,
    },
    {
      name: "unknown API route under a campaign (JSON error)",
      path: () => `/api/campaigns/${campaign.slug}/nothing`,
      init: () => ({ method: "POST" }),
      status: 404,
      kind: "api",
      type: /^application\/json/,
    },
  ];

  it.each(cases)("$name: $status with the $kind headers", async ({ path, init, status, kind, type }) => {
    const { res, body } = await get(path(), init?.());
    expect(res.status).toBe(status);
    if (type) expect(res.headers.get("content-type")).toMatch(type);
    expectHeaders(res, body, kind);
  });

  it("a method a route does not have: an empty 405 that is still nosniff and same-origin", async () => {
    const { res, body } = await get(`/api/campaigns/${campaign.slug}/signatures`);
    expect(res.status).toBe(405);
    expect(body).toBe("");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("static build files: nosniff and their own type", async () => {
    const { body } = await get(`/en/c/${campaign.slug}`);
    const assets = [...body.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith(".js")) && assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of [assets.find((a) => a.endsWith(".js"))!, assets.find((a) => a.endsWith(".css"))!]) {
      const { res, body: file } = await get(asset);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(asset.endsWith(".js") ? /javascript/ : /text\/css/);
      expectHeaders(res, file, "static");
    }
  });

  it("the campaign page carries the stylesheet itself, allowed by its hash: it paints without a second request", async () => {
    const { res, body } = await get(`/en/c/${campaign.slug}`);
    expect(body).not.toMatch(/<link[^>]+rel="stylesheet"/);
    const [style, ...others] = [...body.matchAll(/<style\b[^>]*data-href="([^"]+\.css)"[^>]*>([^<]*)<\/style>/g)];
    expect(others).toEqual([]);
    const { body: file } = await get(style![1]!);
    expect(style![2]).toBe(file);
    const hash = createHash("sha256").update(file).digest("base64");
    expect(res.headers.get("content-security-policy")).toContain(`style-src 'self' 'sha256-${hash}'`);
  });

  it("a nonce is never reused, and a client cannot choose it", async () => {
    const forged = "script-src 'nonce-chosenbyattacker'";
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { res, body } = await get(`/en/c/${campaign.slug}`, { headers: { "content-security-policy": forged } });
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1]!;
      nonces.add(nonce);
      expect(body).not.toContain("chosenbyattacker");
    }
    expect(nonces.size).toBe(5);
  });
});

describe("the local mailbox", () => {
  /** A request naming `host` in its Host header, as a browser sends a rebound site's own name (fetch cannot forge it). */
  const withHost = (path: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      request({ hostname, port, path, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .once("error", reject)
        .end();
    });
  const paths = () => ["/dev/mailbox", `/dev/mailbox/${mailId}`, `/dev/mailbox/${mailId}/html`];

  it("answers only for this machine's names and APP_URL's host", async () => {
    const port = new URL(server.url).port;
    for (const path of paths()) {
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "localhost:3000"])
        expect(await withHost(path, host)).toBe(200);
    }
  });

  it("does not answer a forged Host (DNS rebinding: another site's name pointed at 127.0.0.1)", async () => {
    for (const path of paths()) {
      for (const host of [
        "evil.example",
        `evil.example:${new URL(server.url).port}`,
        "127.0.0.1.evil.example",
        "localhost.evil.example",
      ]) {
        expect(await withHost(path, host)).toBe(404);
      }
    }
  });
});

describe("CSV exports started by another site", () => {
  it.each(["cross-site", "same-site"])(
    "are refused when Sec-Fetch-Site is %s (403 cross_site_request)",
    async (site) => {
      for (const kind of ["signers", "counts"]) {
        const { res, body } = await get(`/api/organizer/campaigns/${campaign.id}/exports/${kind}`, {
          headers: { cookie: owner.cookie, "sec-fetch-site": site },
        });
        expect(res.status).toBe(403);
        expect(JSON.parse(body).error.code).toBe("cross_site_request");
        expectHeaders(res, body, "api");
      }
    },
  );

  it.each(["same-origin", "none"])("are served when Sec-Fetch-Site is %s", async (site) => {
    const { res } = await get(`/api/organizer/campaigns/${campaign.id}/exports/counts`, {
      headers: { cookie: owner.cookie, "sec-fetch-site": site },
    });
    expect(res.status).toBe(200);
  });
});

describe("server actions (the sign, confirm and withdraw forms)", () => {
  /** The sign form's server action id, as the page writes it into the form for browsers without JavaScript. */
  async function signActionOf(path: string): Promise<string> {
    const { body } = await get(path);
    const field = /name="\$ACTION_1:0" value="([^"]+)"/.exec(body)![1]!.replaceAll("&quot;", '"');
    return (JSON.parse(field) as { id: string }).id;
  }
  const ours = { origin: appOrigin, "x-forwarded-host": new URL(appOrigin).host };
  const action = async (path: string, headers: Record<string, string>, body: BodyInit) =>
    get(path, { method: "POST", headers: { accept: "text/x-component", ...headers }, body });

  it("answers 403 cross_site_request, not Next's 500, when another site calls one (Origin or Referer)", async () => {
    const path = `/en/c/${campaign.slug}`;
    const id = await signActionOf(path);
    const foreigners: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { ...ours, referer: "https://evil.example/form" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const foreign of foreigners) {
      const { res, body } = await action(path, { ...foreign, "next-action": id }, "[]");
      expect(res.status, JSON.stringify(foreign)).toBe(403);
      expect(JSON.parse(body).error.code).toBe("cross_site_request");
      expectHeaders(res, body, "api");
    }
    // The same call without JavaScript (a form posted by another site's page).
    const form = new FormData();
    form.set("$ACTION_ID_" + id, "");
    const { res, body } = await action(path, { origin: "https://evil.example" }, form);
    expect(res.status).toBe(403);
    expect(JSON.parse(body).error.code).toBe("cross_site_request");
    // Korean readers get the message in Korean.
    const ko = await action(path, { origin: "https://evil.example", "accept-language": "ko", "next-action": id }, "[]");
    expect(JSON.parse(ko.body).error.message).toMatch(/[가-힣]/);
  });

  it("answers 413 payload_too_large, not Next's 500, for a body over the limit", async () => {
    const path = `/en/c/${campaign.slug}`;
    const id = await signActionOf(path);
    const { res, body } = await action(path, { ...ours, "next-action": id }, "x".repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(JSON.parse(body).error.code).toBe("payload_too_large");
    // The confirm and withdraw pages' buttons are server actions too, and get the same answer.
    const withdraw = await action("/en/withdraw/not-a-token", { ...ours, "next-action": id }, "x".repeat(2 << 20));
    expect(withdraw.res.status).toBe(413);
  });

  it("runs the form posted without JavaScript from this site, and refuses the same post from another", async () => {
    const path = `/en/c/${campaign.slug}`;
    const { body: html } = await get(path);
    // The form as a browser without JavaScript posts it: its hidden fields (the action's reference) and the answers.
    const form = new FormData();
    for (const [tag] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(tag)?.[1];
      const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
      if (name) form.append(name.replaceAll("&amp;", "&"), value.replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
    }
    const email = `nojs-${randomUUID().slice(0, 8)}@example.test`;
    for (const [name, value] of Object.entries({ name: "No Script", email, country: "DE", locale: "en" }))
      form.set(name, value);
    const foreign = await action(path, { origin: "https://evil.example", accept: "text/html" }, form);
    expect(foreign.res.status).toBe(403);
    expect(await prisma.signature.count({ where: { email } })).toBe(0);
    const own = await action(path, { ...ours, referer: `${appOrigin}${path}`, accept: "text/html" }, form);
    expect(own.res.status).toBe(200);
    expect(own.body).toContain(email);
  });
});

describe("invitation links", () => {
  async function invitation(change: { acceptedAt?: Date; expiresAt?: Date } = {}) {
    const token = randomBytes(32).toString("base64url");
    await prisma.invitation.create({
      data: {
        organizationId: owner.organization.id,
        email: `invitee-${randomUUID().slice(0, 8)}@example.test`,
        role: "editor",
        tokenHash: createHash("sha256").update(token).digest(),
        expiresAt: change.expiresAt ?? new Date(Date.now() + 3600_000),
        acceptedAt: change.acceptedAt ?? null,
      },
    });
    return token;
  }

  it("an open invitation shows the set-password form", async () => {
    const { res, body } = await get(`/en/admin/invitation/${await invitation()}`);
    expect(res.status).toBe(200);
    expect(body).toContain('type="password"');
  });

  it("a forged, used or expired one shows only that the link is not valid, in both languages", async () => {
    const tokens = [
      randomBytes(32).toString("base64url"),
      "not-a-token",
      await invitation({ acceptedAt: new Date() }),
      await invitation({ expiresAt: new Date(Date.now() - 1000) }),
    ];
    for (const token of tokens) {
      for (const [locale, text] of [
        ["en", "This invitation link is not valid."],
        ["ko", "유효하지 않은 초대 링크입니다."],
      ] as const) {
        const { res, body } = await get(`/${locale}/admin/invitation/${token}`);
        expect(res.status).toBe(200);
        expectHeaders(res, body, "token-page");
        expect(body).toContain(text);
        expect(body).not.toContain('type="password"');
        expect(body).not.toContain("<form");
      }
    }
  });
});

describe("campaign page views", () => {
  it("come from the page cache after the first, each with a nonce and a form token of its own", async () => {
    const { campaign: own } = await campaignWithData(owner.organization.id);
    for (const [path, form] of [
      [`/en/c/${own.slug}`, "sign"],
      [`/ko/c/${own.slug}/write`, "letter"],
      [`/embed/en/${own.slug}`, null],
    ] as const) {
      // The first view renders as usual and has a copy made in the background.
      const views: { res: Response; body: string }[] = [];
      for (let i = 0; i < 100 && views.length < 3; i++) {
        const view = await get(path);
        expect(view.res.status).toBe(200);
        if (view.res.headers.get("x-page-cache") === "hit") views.push(view);
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(views, path).toHaveLength(3);
      const nonces = new Set<string>();
      const tokens = new Set<string>();
      for (const { res, body } of views) {
        expectHeaders(res, body, path.startsWith("/embed") ? "embed" : "page");
        const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1]!;
        nonces.add(nonce);
        // The nonce also sits in Next's payload (for the stylesheet it inserts): the cached copy's never shows.
        expect(body.match(/nonce\W+[A-Za-z0-9+/=]{20,}/g)!.every((m) => m.endsWith(nonce))).toBe(true);
        if (form) {
          const token = /name="formToken" value="([^"]+)"/.exec(body)![1]!;
          tokens.add(token);
          // Issued for this response: the time-to-submit check measures this visitor, not the cached copy's age.
          expect(Date.now() - formTokenIssuedAt(token, form)!).toBeLessThan(5_000);
        }
      }
      expect(nonces.size).toBe(3);
      if (form) expect(tokens.size).toBe(3);
    }

    // Next's own navigation requests (the RSC payload) and addresses with a query are rendered as usual.
    const rsc = await get(`/en/c/${own.slug}`, { headers: { rsc: "1" } });
    expect(rsc.res.headers.get("x-page-cache")).toBeNull();
    const query = await get(`/en/c/${own.slug}?ref=mail`);
    expect(query.res.status).toBe(200);
    expect(query.res.headers.get("x-page-cache")).toBeNull();

    // A shared link (a lone source code) is the same page: served from the copy, with the code written in.
    const shared = await get(`/en/c/${own.slug}?source=share-kakao`);
    expect(shared.res.headers.get("x-page-cache")).toBe("hit");
    expect(shared.body).toContain('name="source" value="share-kakao"');
    expect(shared.body).toContain(`href="/en/c/${own.slug}/write?source=share-kakao"`);
  });

  it("make no database query once cached, and show an organizer's change at once", async () => {
    const own = await campaignWithData(owner.organization.id);
    const pages = [
      `/en/c/${own.campaign.slug}`,
      `/ko/c/${own.campaign.slug}`,
      `/en/c/${own.campaign.slug}/write`,
      `/embed/ko/${own.campaign.slug}`,
    ];
    const before = relay.bytesSent();
    for (const page of pages) expect((await get(page)).res.status).toBe(200);
    // The first views read the database (through the relay: this test can see queries).
    expect(relay.bytesSent()).toBeGreaterThan(before);

    const warm = relay.bytesSent();
    for (let i = 0; i < 10; i++) {
      for (const page of pages) {
        const { res, body } = await get(page);
        expect(res.status).toBe(200);
        expect(body).toContain(own.suffix);
      }
    }
    expect(relay.bytesSent() - warm).toBe(0);

    // Closing the campaign drops the cached copy: the very next view shows it closed, without its sign form.
    const close = await fetch(`${server.url}/api/organizer/campaigns/${own.campaign.id}/close`, {
      method: "POST",
      headers: { cookie: owner.cookie, origin: appOrigin, "content-type": "application/json" },
      body: "{}",
    });
    expect(close.status).toBe(200);
    const { body } = await get(pages[0]!);
    expect(body).toContain("This campaign is closed");
    expect(body).not.toContain('name="email"');
  });
});

describe("in production", () => {
  let production: Server;
  beforeAll(async () => {
    production = await startNextServer({
      APP_ENV: "production",
      APP_URL: "https://letters.example.test",
      APP_SECRET: randomBytes(32).toString("base64url"),
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: "2599",
      EMBED_FRAME_ANCESTORS: "https://partner.example https://*.partner.example",
    });
  }, 120_000);
  afterAll(async () => production?.stop());

  it("adds HSTS everywhere and upgrade-insecure-requests to pages, and frames the count for the configured sites only", async () => {
    const page = await fetch(`${production.url}/en`);
    const api = await fetch(`${production.url}/api/campaigns/${campaign.slug}/count`);
    const widget = await fetch(`${production.url}/embed/en/${campaign.slug}`);
    for (const res of [page, api, widget])
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'; upgrade-insecure-requests$/);
    for (const res of [api, widget])
      expect(res.headers.get("content-security-policy")).toMatch(
        /frame-ancestors https:\/\/partner\.example https:\/\/\*\.partner\.example(;|$)/,
      );
    // And the dev mailbox does not exist there.
    expect((await fetch(`${production.url}/dev/mailbox/${mailId}/html`)).status).toBe(404);
  });
});
