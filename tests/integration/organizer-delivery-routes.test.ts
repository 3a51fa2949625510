// The delivery panel's routes × {own organization, another organization, signed out, expired session, each role}:
// the status the contract promises, nothing of another organization in a body, and nothing changed by a refusal.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as next from "@/app/api/organizer/campaigns/[id]/deliveries/next/route";
import * as testSend from "@/app/api/organizer/campaigns/[id]/deliveries/test/route";
import * as retry from "@/app/api/organizer/campaigns/[id]/deliveries/[deliveryId]/retry/route";
import * as cancel from "@/app/api/organizer/campaigns/[id]/deliveries/[deliveryId]/cancel/route";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

type Ids = { id: string; deliveryId: string };
type Handler = (request: Request, context: { params: Promise<Ids> }) => Promise<Response>;
type Route = { name: string; method: "GET" | "POST"; handler: Handler; suffix: (f: Fixture) => string; ok: number };
type Fixture = Awaited<ReturnType<typeof fixtureFor>>;

/** A campaign of the organization with one failed delivery to its target. */
async function fixtureFor(organizationId: string) {
  const suffix = randomUUID().slice(0, 8);
  const campaign = await prisma.campaign.create({
    data: {
      slug: `deliv-${suffix}`,
      organizationId,
      status: "open",
      goal: 100,
      targetEmail: `target-${suffix}@example.test`,
      translations: {
        create: ["en", "ko"].map((locale) => ({
          locale,
          title: `Delivery ${suffix}`,
          summary: "s",
          context: "c",
          letter: "l",
          targetName: `Target ${suffix}`,
        })),
      },
    },
  });
  const delivery = await prisma.outboxMessage.create({
    data: {
      kind: "delivery.digest",
      to: campaign.targetEmail,
      locale: "en",
      messageId: `<digest.${suffix}@example.test>`,
      status: "failed",
      attempts: 1,
      lastError: "550 5.1.1 Mailbox unavailable",
      campaignId: campaign.id,
      payload: { periodStart: null, totals: { confirmed: 0, letters: 0 } },
    },
  });
  return { campaign, delivery, suffix };
}

const routes: Route[] = [
  { name: "GET deliveries/next", method: "GET", handler: next.GET as Handler, suffix: () => "/next", ok: 200 },
  { name: "POST deliveries/test", method: "POST", handler: testSend.POST as Handler, suffix: () => "/test", ok: 202 },
  {
    name: "POST deliveries/[id]/retry",
    method: "POST",
    handler: retry.POST as Handler,
    suffix: (f) => `/${f.delivery.id}/retry`,
    ok: 200,
  },
  {
    name: "POST deliveries/[id]/cancel",
    method: "POST",
    handler: cancel.POST as Handler,
    suffix: (f) => `/${f.delivery.id}/cancel`,
    ok: 200,
  },
];

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

async function call(route: Route, f: Fixture, cookie: string | undefined, campaignId = f.campaign.id) {
  const path = `/api/organizer/campaigns/${campaignId}/deliveries${route.suffix(f)}`;
  const body = route.method === "POST" && route.suffix(f) === "/test" ? { of: "digest" } : undefined;
  const res = await route.handler(
    organizerRequest(route.method, path, { cookie, body }),
    params({ id: campaignId, deliveryId: f.delivery.id }),
  );
  return { status: res.status, text: await res.text() };
}

const unchanged = async (f: Fixture) => {
  expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: f.delivery.id } })).status).toBe("failed");
  expect(await prisma.outboxMessage.count({ where: { campaignId: f.campaign.id, kind: "delivery.test" } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { targetId: f.delivery.id } })).toBe(0);
};

describe.each(routes)("$name", (route) => {
  it("answers for the organization's own campaign", async () => {
    const mine = await fixtureFor(own.organization.id);
    const foreign = await fixtureFor(other.organization.id);
    const res = await call(route, mine, own.cookie);
    expect(res.status, res.text).toBe(route.ok);
    expect(res.text).not.toContain(foreign.suffix);
    if (route.method === "GET") expect(res.text).toContain(mine.campaign.targetEmail);
  });

  it("answers 404 for another organization's campaign, and changes nothing there", async () => {
    const foreign = await fixtureFor(other.organization.id);
    const res = await call(route, foreign, own.cookie);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toEqual({ error: { code: "not_found", message: "Not found." } });
    await unchanged(foreign);
  });

  it("answers 404 for another organization's delivery named under one's own campaign", async () => {
    const mine = await fixtureFor(own.organization.id);
    const foreign = await fixtureFor(other.organization.id);
    const res = await call(route, { ...foreign, campaign: mine.campaign }, own.cookie);
    if (route.suffix(foreign).includes(foreign.delivery.id)) {
      expect(res.status).toBe(404);
      await unchanged(foreign);
    } else expect(res.text).not.toContain(foreign.suffix);
  });

  it("answers 401 signed out and with an expired session", async () => {
    const mine = await fixtureFor(own.organization.id);
    for (const cookie of [undefined, expiredCookie]) {
      const res = await call(route, mine, cookie);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain(mine.suffix);
    }
    await unchanged(mine);
  });

  it("lets a viewer read but not act (403); an editor acts", async () => {
    const mine = await fixtureFor(own.organization.id);
    const viewer = await organizerSession("viewer", own.organization.id);
    const seen = await call(route, mine, viewer.cookie);
    if (route.method === "GET") expect(seen.status).toBe(200);
    else {
      expect(seen.status).toBe(403);
      expect(JSON.parse(seen.text).error.code).toBe("forbidden");
      await unchanged(mine);
    }
    const editor = await organizerSession("editor", own.organization.id);
    expect((await call(route, mine, editor.cookie)).status).toBe(route.ok);
  });
});

describe("what the actions change", () => {
  it("retry makes the failed delivery due again; a second retry is 409; the test goes to the organizer", async () => {
    const mine = await fixtureFor(own.organization.id);
    const [, , retryRoute] = routes;
    expect((await call(retryRoute!, mine, own.cookie)).status).toBe(200);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: mine.delivery.id } })).toMatchObject({
      status: "pending",
      messageId: mine.delivery.messageId,
    });
    const again = await call(retryRoute!, mine, own.cookie);
    expect(again.status).toBe(409);
    expect(JSON.parse(again.text).error.code).toBe("conflict");
    expect((await call(routes[1]!, mine, own.cookie)).status).toBe(202);
    const tests = await prisma.outboxMessage.findMany({
      where: { campaignId: mine.campaign.id, kind: "delivery.test" },
    });
    expect(tests.map((t) => t.to)).toEqual([own.email]);
  });

  it("refuses a test send naming something other than a digest or a letter: 422, nothing queued", async () => {
    const mine = await fixtureFor(own.organization.id);
    const res = await testSend.POST(
      organizerRequest("POST", `/api/organizer/campaigns/${mine.campaign.id}/deliveries/test`, {
        cookie: own.cookie,
        body: { of: "everyone" },
      }),
      params({ id: mine.campaign.id }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.of.code).toBe("invalid");
    await unchanged(mine);
  });
});

describe("the next letter's preview", () => {
  it("shows a writer's own Reply-To address to editors, never to viewers", async () => {
    const mine = await fixtureFor(own.organization.id);
    const writer = `writer-${mine.suffix}@example.test`;
    await prisma.letter.create({
      data: {
        campaignId: mine.campaign.id,
        email: writer,
        name: "Reply Writer",
        country: "US",
        subject: "Please answer",
        body: "Dear target,\n\nPlease put human rights on the agenda.\n\nSincerely,",
        language: "en",
        locale: "en",
        status: "confirmed",
        confirmedAt: new Date(Date.now() - 60_000),
        replyConsent: true,
      },
    });
    const [nextRoute] = routes;
    const editor = await organizerSession("editor", own.organization.id);
    const seenByEditor = JSON.parse((await call(nextRoute!, mine, editor.cookie)).text);
    expect(JSON.stringify(seenByEditor.letter.replyTo)).toContain(writer);
    const viewer = await organizerSession("viewer", own.organization.id);
    const seen = await call(nextRoute!, mine, viewer.cookie);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain(writer);
    expect(JSON.parse(seen.text).letter).toMatchObject({ replyTo: null, replyToHidden: true });
  });
});
