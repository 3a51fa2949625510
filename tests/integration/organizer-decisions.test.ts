// Decisions that cannot simply be taken back, and the campaign tools: closing records who and when and the date the
// retention job will erase personal data (the job's own rule, checked by running it); rejecting a letter may strike
// its writer's co-signature; releases are audited; a slug change leaves a permanent redirect that no other campaign
// can take; a duplicate is a fresh draft; the letters export holds every confirmed letter and no withdrawn or erased
// one; invitations name the organization in the reader's language, the role and who invited, and accepting is audited.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/organizer/campaigns/route";
import * as campaignRoute from "@/app/api/organizer/campaigns/[id]/route";
import * as closeRoute from "@/app/api/organizer/campaigns/[id]/close/route";
import * as rejectRoute from "@/app/api/organizer/letters/[id]/reject/route";
import * as releaseRoute from "@/app/api/organizer/letters/[id]/release/route";
import * as releaseSuspectedRoute from "@/app/api/organizer/campaigns/[id]/suspected/[signatureId]/release/route";
import * as duplicateRoute from "@/app/api/organizer/campaigns/[id]/duplicate/route";
import * as lettersExport from "@/app/api/organizer/campaigns/[id]/exports/letters/route";
import * as lettersPrint from "@/app/api/organizer/campaigns/[id]/exports/letters-print/route";
import * as countRoute from "@/app/api/campaigns/[slug]/count/route";
import * as invitationsRoute from "@/app/api/organizer/invitations/route";
import * as acceptRoute from "@/app/api/organizer/invitations/accept/route";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { movedSlugFor } from "@/lib/campaigns/slug-redirect";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, transaction } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { renderInvitationMessage } from "@/lib/organizers/team/render-invitation-mail";
import { describeInvitation } from "@/lib/organizers/team/describe-invitation";
import { anonymiseClosedCampaigns } from "@/lib/privacy/anonymise-closed-campaigns";
import { erasePeople } from "@/lib/privacy/erase-person";
import { erasureDueIfClosedNow } from "@/lib/privacy/erasure-date";
import type { OutboxRow } from "@/lib/infra/outbox/outbox";
import { params } from "./helpers";
import { campaignWithData, organizerRequest, organizerSession, password, validCampaign } from "./organizer-helpers";

afterEach(() => resetClock());
afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const day = 86_400_000;
const audit = (organizationId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { organizationId, action }, orderBy: { createdAt: "asc" } });

async function setup(role: "owner" | "editor" = "owner") {
  const owner = await organizerSession(role);
  const data = await campaignWithData(owner.organization.id);
  await prisma.campaignCountShard.create({ data: { campaignId: data.campaign.id, shard: 0, confirmed: 2 } });
  return { owner, ...data };
}

const post = (cookie: string, path: string, body?: unknown) => organizerRequest("POST", path, { cookie, body });
const get = (cookie: string, path: string) => organizerRequest("GET", path, { cookie });

describe("closing", () => {
  it("records who closed and when, and the erasure date the retention job then keeps", async () => {
    const { owner, campaign } = await setup();
    // A moment of its own, well away from other tests' campaigns.
    advanceClock(400 * day);
    // What the confirm step says before closing is the closing moment plus the retention period.
    const before = erasureDueIfClosedNow({ closedAt: null, closesAt: null });
    const res = await closeRoute.POST(post(owner.cookie, "/x"), params({ id: campaign.id }));
    expect(res.status).toBe(200);
    const after = erasureDueIfClosedNow({ closedAt: null, closesAt: null });
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    const promised = new Date(row.closedAt!.getTime() + 90 * day);
    expect(promised.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(promised.getTime()).toBeLessThanOrEqual(after.getTime());
    // Once closed, it stays the date of the first closing.
    expect(erasureDueIfClosedNow({ closedAt: row.closedAt, closesAt: null })).toEqual(promised);
    const [closed] = await audit(owner.organization.id, "campaign.closed");
    expect(closed).toMatchObject({
      actorEmail: owner.email,
      targetId: campaign.id,
      details: { campaignId: campaign.id, erasureDueAt: promised.toISOString() },
    });

    // The job erases nothing a minute before the promised date, and erases at it.
    advanceClock(promised.getTime() - row.closedAt!.getTime() - 60_000);
    // (Its two held letters carry their writers' addresses until then; signatures no digest carried yet wait for
    // their delivery, by the job's own rule.)
    const personal = () => prisma.letter.count({ where: { campaignId: campaign.id, emailKey: { not: null } } });
    await anonymiseClosedCampaigns();
    expect(await personal()).toBe(2);
    advanceClock(60_000);
    await anonymiseClosedCampaigns();
    expect(await personal()).toBe(0);
  });

  it("counts from the campaign's own closing date when that came first", async () => {
    const closesAt = new Date(Date.now() - 5 * day);
    expect(erasureDueIfClosedNow({ closedAt: null, closesAt }).getTime()).toBe(closesAt.getTime() + 90 * day);
  });
});

describe("moderation", () => {
  async function cosigningWriter(campaignId: string, suffix: string, letterId: string) {
    const email = `writer1-${suffix}@example.test`;
    await prisma.letter.update({ where: { id: letterId }, data: { alsoSign: true } });
    return prisma.signature.create({
      data: {
        campaignId,
        email,
        emailKey: email,
        name: "Writer",
        country: "KR",
        locale: "en",
        status: "confirmed",
        confirmedAt: new Date(),
      },
    });
  }

  it("rejects a letter and, when asked, strikes out its writer's co-signature (off the count, audited)", async () => {
    const { owner, campaign, suffix, letters } = await setup();
    await prisma.campaignCountShard.update({
      where: { campaignId_shard: { campaignId: campaign.id, shard: 0 } },
      data: { confirmed: 3 },
    });
    const signature = await cosigningWriter(campaign.id, suffix, letters[0]!);
    const res = await rejectRoute.POST(
      post(owner.cookie, "/x", { strikeCosignature: true }),
      params({ id: letters[0]! }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "rejected", cosignatureStruck: true });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letters[0]! } })).toMatchObject({ status: "rejected" });
    const struck = await prisma.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(struck).toMatchObject({ status: "invalidated", invalidatedFrom: "confirmed" });
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(2);
    const action = await prisma.abuseAction.findUniqueOrThrow({ where: { id: struck.invalidationId! } });
    expect(action).toMatchObject({ kind: "invalidate_signatures", affected: 1, uncounted: 1 });
    const [rejected] = await audit(owner.organization.id, "letter.rejected");
    expect(rejected).toMatchObject({
      actorEmail: owner.email,
      targetId: letters[0],
      details: { campaignId: campaign.id, cosignatureStruck: true, invalidationId: action.id },
    });
  });

  it("keeps the co-signature unless asked, and records a release", async () => {
    const { owner, campaign, suffix, letters } = await setup();
    const signature = await cosigningWriter(campaign.id, suffix, letters[0]!);
    const res = await rejectRoute.POST(post(owner.cookie, "/x"), params({ id: letters[0]! }));
    expect(await res.json()).toMatchObject({ status: "rejected", cosignatureStruck: false });
    expect(await prisma.signature.findUniqueOrThrow({ where: { id: signature.id } })).toMatchObject({
      status: "confirmed",
    });
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(2);

    expect((await releaseRoute.POST(post(owner.cookie, "/x"), params({ id: letters[1]! }))).status).toBe(200);
    const [released] = await audit(owner.organization.id, "letter.released");
    expect(released).toMatchObject({ actorEmail: owner.email, targetId: letters[1] });
    // A second decision on the same letter changes nothing and records nothing.
    expect((await rejectRoute.POST(post(owner.cookie, "/x"), params({ id: letters[1]! }))).status).toBe(409);
    expect(await audit(owner.organization.id, "letter.rejected")).toHaveLength(1);
  });

  it("records who let a suspected signature through", async () => {
    const { owner, campaign, suffix } = await setup();
    const suspected = await prisma.signature.create({
      data: {
        campaignId: campaign.id,
        email: `suspect-${suffix}@example.test`,
        emailKey: `suspect-${suffix}@example.test`,
        name: "Suspect",
        country: "US",
        locale: "en",
        status: "suspected",
        spamReason: "too_fast",
      },
    });
    const res = await releaseSuspectedRoute.POST(
      post(owner.cookie, "/x"),
      params({ id: campaign.id, signatureId: suspected.id }) as never,
    );
    expect(res.status).toBe(200);
    expect(await audit(owner.organization.id, "signature.released")).toMatchObject([
      { actorEmail: owner.email, targetId: suspected.id, details: { campaignId: campaign.id } },
    ]);
  });
});

describe("changing a campaign's address", () => {
  const patch = (cookie: string, id: string, body: unknown) =>
    campaignRoute.PATCH(organizerRequest("PATCH", "/x", { cookie, body }), params({ id }));

  it("asks to confirm, then redirects the old address permanently and never lets another campaign take it", async () => {
    const { owner } = await setup();
    const old = `old-${randomUUID().slice(0, 8)}`;
    const created = await campaignsRoute.POST(post(owner.cookie, "/x", validCampaign(old)), params({}));
    const { id } = await created.json();
    await prisma.campaign.update({ where: { id }, data: { status: "open" } });
    const renamed = `new-${randomUUID().slice(0, 8)}`;

    const unconfirmed = await patch(owner.cookie, id, validCampaign(renamed));
    expect(unconfirmed.status).toBe(422);
    expect((await unconfirmed.json()).error.fields.slug.code).toBe("confirm_slug_change");
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id } })).slug).toBe(old);

    const confirmed = await patch(owner.cookie, id, { ...validCampaign(renamed), confirmSlugChange: true });
    expect(confirmed.status).toBe(200);
    expect(await prisma.campaignSlugRedirect.findUnique({ where: { slug: old } })).toMatchObject({ campaignId: id });
    expect(await audit(owner.organization.id, "campaign.slug_changed")).toMatchObject([
      { actorEmail: owner.email, targetId: id, details: { campaignId: id, from: old, to: renamed } },
    ]);

    const count = await countRoute.GET(
      new Request(`http://localhost:3000/api/campaigns/${old}/count`),
      params({ slug: old }),
    );
    expect(count.status).toBe(308);
    expect(count.headers.get("location")).toBe(`/api/campaigns/${renamed}/count`);
    expect(await movedSlugFor(old)).toBe(renamed);
    // An address nobody ever had is still not found.
    const unknown = await countRoute.GET(
      new Request("http://localhost:3000/api/campaigns/never-was-here/count"),
      params({ slug: "never-was-here" }),
    );
    expect(unknown.status).toBe(404);

    // Another campaign can take the old address neither when created nor when renamed.
    const taken = await campaignsRoute.POST(post(owner.cookie, "/x", validCampaign(old)), params({}));
    expect(taken.status).toBe(422);
    expect((await taken.json()).error.fields.slug.code).toBe("slug_taken");
    const other = await campaignsRoute.POST(
      post(owner.cookie, "/x", validCampaign(`other-${randomUUID().slice(0, 8)}`)),
      params({}),
    );
    const otherId = (await other.json()).id;
    const stolen = await patch(owner.cookie, otherId, validCampaign(old));
    expect(stolen.status).toBe(422);
    expect((await stolen.json()).error.fields.slug.code).toBe("slug_taken");

    // The campaign itself may go back to its old address: then the newer one redirects instead.
    expect((await patch(owner.cookie, id, { ...validCampaign(old), confirmSlugChange: true })).status).toBe(200);
    expect(await prisma.campaignSlugRedirect.findUnique({ where: { slug: old } })).toBeNull();
    expect(await movedSlugFor(renamed)).toBe(old);
  });

  it("changes a draft's address without asking, and its earlier address does not reveal the new one", async () => {
    const { owner } = await setup();
    const first = `draft-${randomUUID().slice(0, 8)}`;
    const created = await campaignsRoute.POST(post(owner.cookie, "/x", validCampaign(first)), params({}));
    const { id } = await created.json();
    const renamed = `draft2-${randomUUID().slice(0, 8)}`;
    const res = await patch(owner.cookie, id, validCampaign(renamed));
    expect(res.status).toBe(200);

    const count = () =>
      countRoute.GET(new Request(`http://localhost:3000/api/campaigns/${first}/count`), params({ slug: first }));
    expect(await movedSlugFor(first)).toBeNull();
    const whileDraft = await count();
    expect(whileDraft.status).toBe(404);
    expect(whileDraft.headers.get("location")).toBeNull();
    // Once it opens, the address shared while it was a draft leads to it.
    await prisma.campaign.update({ where: { id }, data: { status: "open" } });
    expect(await movedSlugFor(first)).toBe(renamed);
    expect((await count()).status).toBe(308);
  });
});

describe("duplicating a campaign", () => {
  it("makes a draft with the texts, topics and settings, a new address and no signers or letters", async () => {
    const { owner, campaign } = await setup();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { goal: 4321, throttlePerMinute: 7 } });
    const res = await duplicateRoute.POST(post(owner.cookie, "/x"), params({ id: campaign.id }));
    expect(res.status).toBe(201);
    const { id, slug } = await res.json();
    expect(slug).toBe(`${campaign.slug}-copy`);
    const copy = await prisma.campaign.findUniqueOrThrow({
      where: { id },
      include: { translations: true, topics: { include: { translations: true } } },
    });
    expect(copy).toMatchObject({
      status: "draft",
      goal: 4321,
      throttlePerMinute: 7,
      targetEmail: "target@example.test",
    });
    expect(copy.translations.map((t) => t.title).sort()).toEqual(
      [`Campaign ${campaign.slug.slice(5)}`, `캠페인 ${campaign.slug.slice(5)}`].sort(),
    );
    expect(copy.topics.map((t) => t.key)).toEqual(["camps"]);
    expect(copy.topics[0]!.translations).toHaveLength(2);
    expect(await prisma.signature.count({ where: { campaignId: id } })).toBe(0);
    expect(await prisma.letter.count({ where: { campaignId: id } })).toBe(0);
    expect(await audit(owner.organization.id, "campaign.duplicated")).toMatchObject([
      { actorEmail: owner.email, targetId: id, details: { campaignId: campaign.id, copyId: id } },
    ]);
    // A second copy takes the next free address.
    const again = await duplicateRoute.POST(post(owner.cookie, "/x"), params({ id: campaign.id }));
    expect((await again.json()).slug).toBe(`${campaign.slug}-copy-2`);
  });
});

describe("exporting a campaign's letters", () => {
  it("writes every confirmed letter as CSV with a BOM, as the target sees each writer, and records the export", async () => {
    const { owner, campaign, suffix, letters } = await setup();
    const base = { campaignId: campaign.id, country: "KR", language: "ko", locale: "ko", confirmedAt: new Date() };
    await prisma.letter.create({
      data: {
        ...base,
        email: `full-${suffix}@example.test`,
        emailKey: `full-${suffix}@example.test`,
        name: "김민준",
        city: "Seoul",
        subject: "=SUM(A1)",
        body: "첫 줄\n둘째 줄",
        status: "delivered",
        appearance: "full",
      },
    });
    const withdrawn = await prisma.letter.create({
      data: {
        ...base,
        email: `gone-${suffix}@example.test`,
        emailKey: `gone-${suffix}@example.test`,
        name: "Withdrawn Writer",
        subject: `Withdrawn ${suffix}`,
        body: "Withdrawn body",
        status: "confirmed",
      },
    });
    await transaction((trx) => erasePeople(trx, { letterIds: [withdrawn.id] }, "withdraw", new Date()));
    const erased = await prisma.letter.create({
      data: {
        ...base,
        email: `erased-${suffix}@example.test`,
        emailKey: `erased-${suffix}@example.test`,
        name: "Erased Writer",
        subject: `Erased ${suffix}`,
        body: "Erased body",
        status: "delivered",
      },
    });
    await transaction((trx) => erasePeople(trx, { letterIds: [erased.id] }, "expire", new Date()));

    const res = await lettersExport.GET(get(owner.cookie, "/x"), params({ id: campaign.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(
      "name,email,country,region,city,language,confirmed_at,status,name_public,appears_to_target_as,shown_to_target_as,topics,subject,body",
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name).sort()).toEqual([`Writer 1 ${suffix}`, `Writer 2 ${suffix}`, "김민준"].sort());
    // The name as given, and as the target sees it (full: name and place); formulas neutralised.
    expect(rows.find((r) => r.name === "김민준")).toMatchObject({
      email: `full-${suffix}@example.test`,
      city: "Seoul",
      status: "delivered",
      appears_to_target_as: "full",
      shown_to_target_as: "김민준, Seoul, South Korea",
      subject: "'=SUM(A1)",
      body: "첫 줄\n둘째 줄",
    });
    // A writer who chose initials is shown to the target without their name.
    const held = rows.find((r) => r.name === `Writer 1 ${suffix}`)!;
    expect(held).toMatchObject({ status: "held", appears_to_target_as: "initials" });
    expect(held.shown_to_target_as).toMatch(/, South Korea$/);
    expect(held.shown_to_target_as).not.toContain("Writer");
    expect(text).not.toContain("Withdrawn");
    expect(text).not.toContain("Erased");
    expect(letters).toHaveLength(2);
    expect(
      await prisma.exportRecord.findMany({ where: { campaignId: campaign.id }, select: { kind: true, userId: true } }),
    ).toEqual([{ kind: "letters", userId: owner.userId }]);
  });

  it("writes the texts as one printable HTML document, without withdrawn letters, escaped, and records it", async () => {
    const { owner, campaign, suffix, letters } = await setup();
    await prisma.letter.update({ where: { id: letters[0]! }, data: { subject: `<script>x</script> ${suffix}` } });
    const gone = await prisma.letter.create({
      data: {
        campaignId: campaign.id,
        email: `gone-${suffix}@example.test`,
        emailKey: `gone-${suffix}@example.test`,
        name: "Gone",
        country: "US",
        subject: `Withdrawn ${suffix}`,
        body: "Withdrawn body",
        language: "en",
        locale: "en",
        status: "confirmed",
        confirmedAt: new Date(),
      },
    });
    await transaction((trx) => erasePeople(trx, { letterIds: [gone.id] }, "withdraw", new Date()));
    const res = await lettersPrint.GET(
      organizerRequest("GET", "/x", { cookie: owner.cookie, headers: { "accept-language": "ko" } }),
      params({ id: campaign.id }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="letters-.*\.html"$/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@media print");
    expect(html).toContain("수신인에게 보내는 편지");
    expect(html).toContain(`&lt;script&gt;x&lt;/script&gt; ${suffix}`);
    expect(html).not.toContain("<script>");
    expect(html.match(/<article/g)).toHaveLength(2);
    expect(html).not.toContain("Withdrawn");
    expect(html).not.toContain(`writer1-${suffix}@example.test`);
    expect(await prisma.exportRecord.findMany({ where: { campaignId: campaign.id }, select: { kind: true } })).toEqual([
      { kind: "letters_print" },
    ]);
  });

  it("refuses viewers (403), another organization (404) and the signed out (401)", async () => {
    const { owner, campaign } = await setup();
    const viewer = await organizerSession("viewer", owner.organization.id);
    const stranger = await organizerSession("owner");
    for (const handler of [lettersExport.GET, lettersPrint.GET]) {
      expect((await handler(get(viewer.cookie, "/x"), params({ id: campaign.id }))).status).toBe(403);
      expect((await handler(get(stranger.cookie, "/x"), params({ id: campaign.id }))).status).toBe(404);
      expect((await handler(organizerRequest("GET", "/x"), params({ id: campaign.id }))).status).toBe(401);
    }
    expect((await duplicateRoute.POST(post(viewer.cookie, "/x"), params({ id: campaign.id }))).status).toBe(403);
    expect((await duplicateRoute.POST(post(stranger.cookie, "/x"), params({ id: campaign.id }))).status).toBe(404);
    expect((await duplicateRoute.POST(organizerRequest("POST", "/x"), params({ id: campaign.id }))).status).toBe(401);
    expect(await prisma.exportRecord.count({ where: { campaignId: campaign.id } })).toBe(0);
  });
});

describe("invitations", () => {
  it("name the organization in the reader's language, the role and who invited; accepting is audited", async () => {
    const owner = await organizerSession("owner");
    await prisma.organizationTranslation.create({
      data: { organizationId: owner.organization.id, locale: "ko", name: "한국어 단체명" },
    });
    const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    const res = await invitationsRoute.POST(
      post(owner.cookie, "/x", { email, role: "viewer", locale: "ko" }),
      params({}),
    );
    expect(res.status).toBe(201);
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "organizer.invitation", to: email } });
    const token = (message.payload as { token: string }).token;

    expect(await describeInvitation(token, "ko")).toMatchObject({ organization: "한국어 단체명", role: "viewer" });
    expect(await describeInvitation(token, "en")).toMatchObject({ organization: owner.organization.name });

    const mail = await renderInvitationMessage(message as unknown as OutboxRow);
    expect(mail!.subject).toContain("한국어 단체명");
    expect(mail!.text).toContain("역할: 열람자");
    expect(mail!.text).toContain(`(${owner.email})님이 초대했습니다.`);

    const accepted = await acceptRoute.POST(
      organizerRequest("POST", "/x", { body: { token, name: "Invitee", password } }),
      params({}),
    );
    expect(accepted.status).toBe(201);
    const user = await prisma.user.findFirstOrThrow({ where: { email } });
    expect(await audit(owner.organization.id, "invitation.accepted")).toMatchObject([
      { actorEmail: email, actorId: user.id, target: email, details: { role: "viewer" } },
    ]);
  });
});
