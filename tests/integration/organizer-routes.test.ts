// Every organizer route × {own organization, other organization, signed out, expired session}: the expected status,
// and no other organization's rows in any body.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import * as campaign from "@/app/api/organizer/campaigns/[id]/route";
import * as openRoute from "@/app/api/organizer/campaigns/[id]/open/route";
import * as closeRoute from "@/app/api/organizer/campaigns/[id]/close/route";
import * as counts from "@/app/api/organizer/campaigns/[id]/counts/route";
import * as deliveries from "@/app/api/organizer/campaigns/[id]/deliveries/route";
import * as signersExport from "@/app/api/organizer/campaigns/[id]/exports/signers/route";
import * as countsExport from "@/app/api/organizer/campaigns/[id]/exports/counts/route";
import * as held from "@/app/api/organizer/campaigns/[id]/held-letters/route";
import * as release from "@/app/api/organizer/letters/[id]/release/route";
import * as reject from "@/app/api/organizer/letters/[id]/reject/route";
import * as exportLog from "@/app/api/organizer/exports/route";
import * as invitations from "@/app/api/organizer/invitations/route";
import * as signals from "@/app/api/organizer/campaigns/[id]/signals/route";
import * as invalidations from "@/app/api/organizer/campaigns/[id]/invalidations/route";
import * as invalidationPreview from "@/app/api/organizer/campaigns/[id]/invalidations/preview/route";
import * as nearCopies from "@/app/api/organizer/campaigns/[id]/near-copies/reject/route";
import * as restore from "@/app/api/organizer/invalidations/[id]/restore/route";
import * as team from "@/app/api/organizer/team/route";
import * as signerLookup from "@/app/api/organizer/campaigns/[id]/signers/lookup/route";
import * as signerErase from "@/app/api/organizer/campaigns/[id]/signers/erase/route";
import * as member from "@/app/api/organizer/members/[id]/route";
import * as invitation from "@/app/api/organizer/invitations/[id]/route";
import * as resendInvitation from "@/app/api/organizer/invitations/[id]/resend/route";
import * as duplicate from "@/app/api/organizer/campaigns/[id]/duplicate/route";
import * as lettersExport from "@/app/api/organizer/campaigns/[id]/exports/letters/route";
import * as lettersPrint from "@/app/api/organizer/campaigns/[id]/exports/letters-print/route";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { params } from "./helpers";
import {
  appOrigin,
  campaignWithData,
  organizerRequest,
  organizerSession,
  signIn,
  validCampaign,
} from "./organizer-helpers";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Fixture = Awaited<ReturnType<typeof fixtureFor>>;
type Route = {
  name: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  handler: Handler;
  /** The path and id for a campaign/letter fixture; collection routes ignore the fixture. */
  target: (f: Fixture) => { path: string; id: string } | { path: string; id?: undefined };
  body?: () => unknown;
  ok: number;
  /** The own answer must show the fixture (so "no foreign rows" is not vacuously true). */
  shows?: true;
};

const c = (suffix: string) => (f: Fixture) => ({
  path: `/api/organizer/campaigns/${f.campaign.id}${suffix}`,
  id: f.campaign.id,
});
const a = (suffix: string) => (f: Fixture) => ({
  path: `/api/organizer/invalidations/${f.actions[0]}${suffix}`,
  id: f.actions[0]!,
});
const l = (suffix: string) => (f: Fixture) => ({
  path: `/api/organizer/letters/${f.letters[0]}${suffix}`,
  id: f.letters[0]!,
});
const m = (f: Fixture) => ({ path: `/api/organizer/members/${f.member}`, id: f.member });
const i = (suffix: string) => (f: Fixture) => ({
  path: `/api/organizer/invitations/${f.invitation}${suffix}`,
  id: f.invitation,
});
let slugCounter = 0;
const newSlug = () => `matrix-${Date.now().toString(36)}-${++slugCounter}`;

const routes: Route[] = [
  {
    name: "GET campaigns",
    shows: true,
    method: "GET",
    handler: campaigns.GET as Handler,
    target: () => ({ path: "/api/organizer/campaigns" }),
    ok: 200,
  },
  {
    name: "POST campaigns",
    method: "POST",
    handler: campaigns.POST as Handler,
    target: () => ({ path: "/api/organizer/campaigns" }),
    body: () => validCampaign(newSlug()),
    ok: 201,
  },
  { name: "GET campaign", shows: true, method: "GET", handler: campaign.GET, target: c(""), ok: 200 },
  {
    name: "PATCH campaign",
    method: "PATCH",
    handler: campaign.PATCH,
    target: c(""),
    body: () => ({ ...validCampaign(newSlug()), confirmSlugChange: true }),
    ok: 200,
  },
  { name: "POST open", method: "POST", handler: openRoute.POST, target: c("/open"), ok: 200 },
  { name: "POST close", method: "POST", handler: closeRoute.POST, target: c("/close"), ok: 200 },
  { name: "GET counts", method: "GET", handler: counts.GET, target: c("/counts"), ok: 200 },
  { name: "GET deliveries", method: "GET", handler: deliveries.GET, target: c("/deliveries"), ok: 200 },
  {
    name: "GET signers export",
    shows: true,
    method: "GET",
    handler: signersExport.GET,
    target: c("/exports/signers"),
    ok: 200,
  },
  { name: "GET counts export", method: "GET", handler: countsExport.GET, target: c("/exports/counts"), ok: 200 },
  { name: "POST duplicate", method: "POST", handler: duplicate.POST, target: c("/duplicate"), ok: 201 },
  { name: "GET letters export", method: "GET", handler: lettersExport.GET, target: c("/exports/letters"), ok: 200 },
  {
    name: "GET letters print",
    method: "GET",
    handler: lettersPrint.GET,
    target: c("/exports/letters-print"),
    ok: 200,
  },
  { name: "GET held letters", shows: true, method: "GET", handler: held.GET, target: c("/held-letters"), ok: 200 },
  { name: "POST release", method: "POST", handler: release.POST, target: l("/release"), ok: 200 },
  { name: "POST reject", method: "POST", handler: reject.POST, target: l("/reject"), ok: 200 },
  {
    name: "GET export log",
    method: "GET",
    handler: exportLog.GET as Handler,
    target: () => ({ path: "/api/organizer/exports" }),
    ok: 200,
  },
  { name: "GET signals", method: "GET", handler: signals.GET, target: c("/signals"), ok: 200 },
  { name: "GET invalidations", method: "GET", handler: invalidations.GET, target: c("/invalidations"), ok: 200 },
  {
    name: "POST invalidation preview",
    method: "POST",
    handler: invalidationPreview.POST,
    target: c("/invalidations/preview"),
    body: () => ({ criteria: { reason: "honeypot" } }),
    ok: 200,
  },
  {
    name: "POST invalidations",
    method: "POST",
    handler: invalidations.POST,
    target: c("/invalidations"),
    body: () => ({ criteria: { reason: "honeypot" } }),
    ok: 201,
  },
  {
    name: "POST near-copies reject",
    method: "POST",
    handler: nearCopies.POST,
    target: c("/near-copies/reject"),
    body: () => ({ fingerprint: "0".repeat(32) }),
    ok: 200,
  },
  { name: "POST restore", method: "POST", handler: restore.POST, target: a("/restore"), ok: 200 },
  {
    name: "POST invitations",
    method: "POST",
    handler: invitations.POST as Handler,
    target: () => ({ path: "/api/organizer/invitations" }),
    body: () => ({ email: "new@example.test", role: "editor" }),
    ok: 201,
  },
  {
    name: "GET team",
    shows: true,
    method: "GET",
    handler: team.GET as Handler,
    target: () => ({ path: "/api/organizer/team" }),
    ok: 200,
  },
  {
    name: "PATCH member",
    method: "PATCH",
    handler: member.PATCH,
    target: m,
    body: () => ({ role: "viewer" }),
    ok: 200,
  },
  { name: "DELETE member", method: "DELETE", handler: member.DELETE, target: m, ok: 200 },
  { name: "POST invitation resend", method: "POST", handler: resendInvitation.POST, target: i("/resend"), ok: 201 },
  { name: "DELETE invitation", method: "DELETE", handler: invitation.DELETE, target: i(""), ok: 200 },
  {
    name: "POST signer lookup",
    method: "POST",
    handler: signerLookup.POST,
    target: c("/signers/lookup"),
    body: () => ({ email: "nobody@example.test" }),
    ok: 200,
  },
  {
    name: "POST signer erase",
    method: "POST",
    handler: signerErase.POST,
    target: c("/signers/erase"),
    body: () => ({ email: "nobody@example.test" }),
    ok: 200,
  },
];

/** A campaign with its data, plus an editor and an open invitation whose addresses carry the fixture's suffix. */
async function fixtureFor(organizationId: string) {
  const data = await campaignWithData(organizationId);
  const userId = randomUUID();
  await prisma.user.create({ data: { id: userId, email: `member-${data.suffix}@example.test`, name: "Member" } });
  const editor = await prisma.member.create({ data: { organizationId, userId, role: "editor" } });
  const open = await prisma.invitation.create({
    data: {
      organizationId,
      email: `invitee-${data.suffix}@example.test`,
      role: "viewer",
      tokenHash: randomBytes(32),
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  return { ...data, member: editor.id, invitation: open.id };
}

let own: Awaited<ReturnType<typeof organizerSession>>;
let other: Awaited<ReturnType<typeof organizerSession>>;
let expiredCookie: string;

beforeAll(async () => {
  own = await organizerSession("owner");
  other = await organizerSession("owner");
  const expiring = await organizerSession("owner", own.organization.id);
  expiredCookie = expiring.cookie;
  const user = await prisma.user.findUniqueOrThrow({ where: { email: expiring.email } });
  await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
});

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function call(
  route: Route,
  target: { path: string; id?: string },
  cookie: string | undefined,
  headers: Record<string, string> = {},
) {
  const request = organizerRequest(route.method, target.path, { cookie, body: route.body?.(), headers });
  const res = await route.handler(request, params({ id: target.id ?? "" }));
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Nothing that identifies the other organization's data may appear in a body. */
function expectNoForeignRows(text: string, foreign: Fixture) {
  expect(text).not.toContain(foreign.campaign.id);
  expect(text).not.toContain(foreign.suffix);
  expect(text).not.toContain(other.organization.name);
  for (const id of foreign.letters) expect(text).not.toContain(id);
  for (const id of foreign.actions) expect(text).not.toContain(id);
  expect(text).not.toContain(foreign.member);
  expect(text).not.toContain(foreign.invitation);
}

describe.each(routes)("$name", (route) => {
  it("answers the organization's own data", async () => {
    const mine = await fixtureFor(own.organization.id);
    const foreign = await fixtureFor(other.organization.id);
    const res = await call(route, route.target(mine), own.cookie);
    expect(res.status, res.text).toBe(route.ok);
    if (route.shows) expect(res.text).toContain(mine.suffix);
    expectNoForeignRows(res.text, foreign);
  });

  it("answers 404 for another organization's data, whatever the headers", async () => {
    const foreign = await fixtureFor(other.organization.id);
    const target = route.target(foreign);
    const res = await call(route, target, own.cookie, {
      "x-organization-id": other.organization.id,
      "x-forwarded-host": "evil.example",
    });
    if (target.id === undefined) {
      // A collection route has no foreign id to ask for: it answers, with none of the other organization's rows.
      expect(res.status).toBe(route.ok);
    } else {
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ error: { code: "not_found", message: "Not found." } });
    }
    expectNoForeignRows(res.text, foreign);
    // Nothing changed on the other side.
    expect(
      await prisma.campaign.findUniqueOrThrow({
        where: { id: foreign.campaign.id },
        select: { status: true, slug: true },
      }),
    ).toEqual({ status: "open", slug: foreign.campaign.slug });
    expect(await prisma.letter.count({ where: { id: { in: foreign.letters }, status: "held" } })).toBe(2);
    expect(await prisma.abuseAction.count({ where: { id: { in: foreign.actions }, restoredAt: null } })).toBe(1);
    expect(await prisma.signature.count({ where: { campaignId: foreign.campaign.id, status: "invalidated" } })).toBe(0);
    expect(await prisma.member.findUnique({ where: { id: foreign.member } })).toMatchObject({ role: "editor" });
    expect(await prisma.invitation.count({ where: { id: foreign.invitation } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { organizationId: other.organization.id } })).toBe(0);
  });

  it.each([
    ["its Origin", { origin: "https://evil.example" }],
    ["its Referer", { referer: "https://evil.example/page" }],
    ["a null Origin", { origin: "null" }],
    ["a sibling subdomain's Referer", { referer: "http://evil.localhost:3000/" }],
  ])(
    "refuses a request that names another site in %s, without Sec-Fetch-Site (older browsers): 403",
    async (_label, headers) => {
      const mine = await fixtureFor(own.organization.id);
      const before = await prisma.exportRecord.count({ where: { campaignId: mine.campaign.id } });
      const res = await call(route, route.target(mine), own.cookie, headers);
      expect(res.status, res.text).toBe(403);
      expect(JSON.parse(res.text).error.code).toBe("cross_site_request");
      expect(res.text).not.toContain(mine.suffix);
      expect(await prisma.exportRecord.count({ where: { campaignId: mine.campaign.id } })).toBe(before);
      expect((await prisma.campaign.findUniqueOrThrow({ where: { id: mine.campaign.id } })).status).toBe("open");
    },
  );

  it("serves a request whose Origin and Referer are this site", async () => {
    const mine = await fixtureFor(own.organization.id);
    const res = await call(route, route.target(mine), own.cookie, {
      origin: appOrigin,
      referer: `${appOrigin}/en/admin/campaigns/${mine.campaign.id}`,
    });
    expect(res.status, res.text).toBe(route.ok);
  });

  it("answers 401 when signed out", async () => {
    const mine = await fixtureFor(own.organization.id);
    const res = await call(route, route.target(mine), undefined);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).error.code).toBe("unauthorized");
    expect(res.text).not.toContain(mine.suffix);
  });

  it("answers 401 with an expired session", async () => {
    const mine = await fixtureFor(own.organization.id);
    const res = await call(route, route.target(mine), expiredCookie);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(mine.suffix);
  });
});

describe("ids and roles", () => {
  it("answers 404 for malformed ids, not 500", async () => {
    const res = await campaign.GET(
      organizerRequest("GET", "/api/organizer/campaigns/not-a-uuid", { cookie: own.cookie }),
      params({ id: "not-a-uuid" }),
    );
    expect(res.status).toBe(404);
  });

  it("refuses state changes from another origin (403) and without any origin signal", async () => {
    const mine = await fixtureFor(own.organization.id);
    const path = `/api/organizer/campaigns/${mine.campaign.id}/close`;
    const crossSite = await closeRoute.POST(
      organizerRequest("POST", path, { cookie: own.cookie, headers: { origin: "https://evil.example" } }),
      params({ id: mine.campaign.id }),
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe("cross_site_request");
    const noOrigin = new Request(`http://localhost:3000${path}`, { method: "POST", headers: { cookie: own.cookie } });
    expect((await closeRoute.POST(noOrigin, params({ id: mine.campaign.id }))).status).toBe(403);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: mine.campaign.id } })).status).toBe("open");
  });

  it("lets viewers read but not change, export signers, invite or read the export log", async () => {
    const viewer = await organizerSession("viewer", own.organization.id);
    const mine = await campaignWithData(own.organization.id);
    const p = params({ id: mine.campaign.id });
    expect((await counts.GET(organizerRequest("GET", "/x", { cookie: viewer.cookie }), p)).status).toBe(200);
    expect((await closeRoute.POST(organizerRequest("POST", "/x", { cookie: viewer.cookie }), p)).status).toBe(403);
    expect((await signersExport.GET(organizerRequest("GET", "/x", { cookie: viewer.cookie }), p)).status).toBe(403);
    expect((await exportLog.GET(organizerRequest("GET", "/x", { cookie: viewer.cookie }), p)).status).toBe(403);
    const invite = await invitations.POST(
      organizerRequest("POST", "/x", { cookie: viewer.cookie, body: { email: "x@example.test" } }),
      p,
    );
    expect(invite.status).toBe(403);
  });

  it("lets only owners see or change the team: editors and viewers get 403, and nothing changes", async () => {
    const mine = await fixtureFor(own.organization.id);
    const names = ["GET team", "PATCH member", "DELETE member", "POST invitation resend", "DELETE invitation"];
    const teamRoutes = routes.filter((r) => names.includes(r.name));
    expect(teamRoutes).toHaveLength(names.length);
    for (const role of ["editor", "viewer"] as const) {
      const session = await organizerSession(role, own.organization.id);
      for (const route of teamRoutes) {
        const res = await call(route, route.target(mine), session.cookie);
        expect(res.status, `${role} ${route.name}`).toBe(403);
        expect(JSON.parse(res.text).error.code).toBe("forbidden");
      }
    }
    expect(await prisma.member.findUnique({ where: { id: mine.member } })).toMatchObject({ role: "editor" });
    expect(await prisma.invitation.count({ where: { id: mine.invitation } })).toBe(1);
  });

  it("lets editors and owners, not viewers, look up and erase one signer", async () => {
    const mine = await fixtureFor(own.organization.id);
    const email = `signer1-${mine.suffix}@example.test`;
    const send = (route: typeof signerLookup.POST, cookie: string) =>
      route(organizerRequest("POST", "/x", { cookie, body: { email } }), params({ id: mine.campaign.id }));
    const viewer = await organizerSession("viewer", own.organization.id);
    expect((await send(signerLookup.POST, viewer.cookie)).status).toBe(403);
    expect((await send(signerErase.POST, viewer.cookie)).status).toBe(403);
    expect(await prisma.signature.count({ where: { campaignId: mine.campaign.id, email } })).toBe(1);
    const editor = await organizerSession("editor", own.organization.id);
    const found = await send(signerLookup.POST, editor.cookie);
    expect(found.status).toBe(200);
    expect((await found.json()).found).toBe(true);
    expect((await send(signerErase.POST, editor.cookie)).status).toBe(200);
    expect(await prisma.signature.count({ where: { campaignId: mine.campaign.id, email } })).toBe(0);
  });

  it("refuses team changes from another origin (403)", async () => {
    const mine = await fixtureFor(own.organization.id);
    const res = await member.DELETE(
      organizerRequest("DELETE", `/api/organizer/members/${mine.member}`, {
        cookie: own.cookie,
        headers: { origin: "https://evil.example" },
      }),
      params({ id: mine.member }),
    );
    expect(res.status).toBe(403);
    expect(await prisma.member.count({ where: { id: mine.member } })).toBe(1);
  });

  it("a signed-out session cookie stops working at once", async () => {
    const session = await organizerSession("owner", own.organization.id);
    const again = await signIn(session.email);
    const res = await campaigns.GET(
      organizerRequest("GET", "/api/organizer/campaigns", { cookie: again }),
      params({ id: "" }),
    );
    expect(res.status).toBe(200);
    await prisma.session.deleteMany({ where: { user: { email: session.email } } });
    expect(
      (await campaigns.GET(organizerRequest("GET", "/api/organizer/campaigns", { cookie: again }), params({ id: "" })))
        .status,
    ).toBe(401);
  });
});
