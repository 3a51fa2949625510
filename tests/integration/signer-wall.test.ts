// The public signer wall and its reason queue, against the rows: who is shown (only confirmed signers who chose to be
// shown, never more than they chose for the target), which reasons (only approved ones), who may decide (editors and
// owners; viewers and other organizations may not), the audit line each decision leaves, and the data cache the
// wall is read through, dropped by a decision.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Next's data cache, as it behaves in the app: an entry per key, kept until its tag is revalidated. (Outside a Next
// server there is no cache at all, which would hide a missing invalidation.)
const cache = vi.hoisted(() => ({ entries: new Map<string, { tags: string[]; value: Promise<unknown> }>() }));
vi.mock("next/cache", () => ({
  unstable_cache:
    <T>(read: () => Promise<T>, keys: string[], options: { tags?: string[] }) =>
    () => {
      const key = JSON.stringify(keys);
      if (!cache.entries.has(key)) cache.entries.set(key, { tags: options.tags ?? [], value: read() });
      return cache.entries.get(key)!.value as Promise<T>;
    },
  revalidateTag: (tag: string) => {
    for (const [key, entry] of cache.entries) if (entry.tags.includes(tag)) cache.entries.delete(key);
  },
}));

import * as approveRoute from "@/app/api/organizer/reasons/[id]/approve/route";
import * as rejectRoute from "@/app/api/organizer/reasons/[id]/reject/route";
import { changeAppearanceAction, withdrawAction } from "@/app/[locale]/withdraw/[token]/actions";
import { closeDb, db, prisma } from "@/lib/infra/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { advanceClock, now, resetClock } from "@/lib/infra/clock";
import { stopBoss } from "@/lib/infra/queue/boss";
import { readSignerWall } from "@/lib/signer-wall/read-signer-wall";
import { cachedSignerWall } from "@/lib/signer-wall/cached-signer-wall";
import { listPendingReasons } from "@/lib/signer-wall/list-pending-reasons";
import { wallPageSize } from "@/lib/signer-wall/wall-rule";
import { eraseSigner } from "@/lib/privacy/erase-signer";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { withdrawToken } from "@/lib/signatures/links";
import { scopeFor } from "@/lib/organizers/scope";
import { params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  resetClock();
  await stopBoss();
  await closeDb();
});

beforeEach(() => cache.entries.clear());

type Extra = Omit<Partial<Prisma.SignatureUncheckedCreateInput>, "campaignId">;

async function openCampaign(organizationId: string) {
  const suffix = randomUUID().slice(0, 8);
  return prisma.campaign.create({
    data: { slug: `wall-${suffix}`, organizationId, status: "open", goal: 10, targetEmail: "t@example.test" },
  });
}

let minute = 0;
/** A signature confirmed a minute after the previous one (so the wall's order is known), with these details. */
async function signature(campaignId: string, name: string, extra: Extra = {}) {
  minute += 1;
  const email = `wall-${randomUUID().slice(0, 8)}@example.test`;
  return prisma.signature.create({
    data: {
      campaignId,
      email,
      emailKey: email,
      name,
      country: "US",
      region: "NY",
      postalCode: "12207",
      locale: "en",
      status: "confirmed",
      confirmedAt: new Date(Date.UTC(2026, 10, 1, 12, minute)),
      showName: true,
      appearance: "full",
      ...extra,
    },
  });
}

const approve = (id: string, cookie: string) =>
  approveRoute.POST(organizerRequest("POST", `/api/organizer/reasons/${id}/approve`, { cookie }), params({ id }));
const reject = (id: string, cookie: string) =>
  rejectRoute.POST(organizerRequest("POST", `/api/organizer/reasons/${id}/reject`, { cookie }), params({ id }));

async function review(id: string) {
  return prisma.signature.findUniqueOrThrow({
    where: { id },
    select: { commentReview: true, commentReviewedAt: true },
  });
}

describe("the public signer wall", () => {
  it("shows only confirmed signers who chose it, never more than they chose for the target, and never an email", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const full = await signature(campaign.id, "Jane Wall", { comment: "For my aunt" });
    const initials = await signature(campaign.id, "김민준", { appearance: "initials", country: "KR", region: "11" });
    const hidden = [
      await signature(campaign.id, "Did Not Tick", { showName: false }),
      await signature(campaign.id, "Counted Only", { appearance: "counted" }),
      await signature(campaign.id, "Still Pending", { status: "pending", confirmedAt: null }),
      await signature(campaign.id, "Caught Suspected", { status: "suspected", confirmedAt: null }),
      await signature(campaign.id, "Struck Out", { status: "invalidated" }),
    ];
    const elsewhere = await openCampaign(editor.organization.id);
    await signature(elsewhere.id, "Other Campaign");

    const wall = (await readSignerWall(campaign.slug, 1))!;
    expect(wall).toEqual({
      page: 1,
      hasMore: false,
      signers: [
        // Initials and country only: no region, and never the given name.
        { name: "김○○", region: null, country: "KR", confirmedOn: "2026-11-01", reason: null },
        // A reason waits for an organizer: not shown yet.
        { name: "Jane Wall", region: "NY", country: "US", confirmedOn: "2026-11-01", reason: null },
      ],
    });
    const text = JSON.stringify(wall);
    for (const s of [full, initials, ...hidden]) {
      expect(text).not.toContain(s.email);
      expect(text).not.toContain(s.postalCode!);
    }
    for (const s of hidden) expect(text).not.toContain(s.name);
    expect(text).not.toContain("민준");
    expect(text).not.toContain("Other Campaign");

    // A draft has no wall; nor has a page past the last one anything to show.
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: "draft" } });
    expect(await readSignerWall(campaign.slug, 1)).toBeNull();
    expect(await readSignerWall("no-such-campaign", 1)).toBeNull();
    expect(await readSignerWall(elsewhere.slug, 0)).toBeNull();
  });

  it("is paged, newest first", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    for (let i = 1; i <= wallPageSize + 2; i++) await signature(campaign.id, `Signer Number ${i}`);
    const first = (await readSignerWall(campaign.slug, 1))!;
    const second = (await readSignerWall(campaign.slug, 2))!;
    expect(first.signers).toHaveLength(wallPageSize);
    expect(first.hasMore).toBe(true);
    expect(first.signers[0]!.name).toBe(`Signer Number ${wallPageSize + 2}`);
    expect(second.signers.map((s) => s.name)).toEqual(["Signer Number 2", "Signer Number 1"]);
    expect(second.hasMore).toBe(false);
  });

  it("loses a signer who withdraws, is erased, or changes to counted only", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const withdrawn = await signature(campaign.id, "Will Withdraw", { comment: "x", commentReview: "approved" });
    const erased = await signature(campaign.id, "Will Be Erased", { comment: "y", commentReview: "approved" });
    const changed = await signature(campaign.id, "Will Hide", { comment: "z", commentReview: "approved" });
    expect((await readSignerWall(campaign.slug, 1))!.signers).toHaveLength(3);

    expect((await withdrawSignature(withdrawToken(withdrawn.id))).status).toBe("withdrawn");
    expect((await eraseSigner(campaign.id, erased.email)).signatures).toBe(1);
    await prisma.signature.update({ where: { id: changed.id }, data: { appearance: "counted" } });
    expect((await readSignerWall(campaign.slug, 1))!.signers).toEqual([]);
  });
});

describe("the reason queue", () => {
  it("lets an editor approve or reject each reason once, recorded with who and when, and never shows a rejected one", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const kept = await signature(campaign.id, "Approved Reason", { comment: "I sign for my brother" });
    const refused = await signature(campaign.id, "Rejected Reason", { comment: "Call me on 010-1234-5678" });
    await signature(campaign.id, "No Reason");
    // Reasons of signers not on the wall are nobody's to publish: they never enter the queue.
    await signature(campaign.id, "Hidden With Reason", { showName: false, comment: "not for the wall" });
    await signature(campaign.id, "Counted With Reason", { appearance: "counted", comment: "not for the wall either" });

    const scope = scopeFor({
      userId: editor.userId,
      email: editor.email,
      name: "Test Organizer",
      organizationId: editor.organization.id,
      organizationName: editor.organization.name,
      role: "editor",
    });
    const queue = await listPendingReasons(scope, campaign.id);
    expect(queue.map((r) => [r.shownAs, r.reason])).toEqual([
      ["Approved Reason", "I sign for my brother"],
      ["Rejected Reason", "Call me on 010-1234-5678"],
    ]);

    // Decided by the app's clock (an hour ahead of the database's here), not the database's.
    advanceClock(3_600_000);
    const before = now();
    expect((await approve(kept.id, editor.cookie)).status).toBe(200);
    expect((await reject(refused.id, editor.cookie)).status).toBe(200);
    const after = now();
    const decided = { commentReviewedAt: expect.toSatisfy((d: Date) => d >= before && d <= after) };
    expect(await review(kept.id)).toEqual({ commentReview: "approved", ...decided });
    expect(await review(refused.id)).toEqual({ commentReview: "rejected", ...decided });

    // Decided once: a second click, either way, changes nothing.
    expect((await reject(kept.id, editor.cookie)).status).toBe(409);
    expect((await approve(refused.id, editor.cookie)).status).toBe(409);
    expect((await review(refused.id)).commentReview).toBe("rejected");

    const audit = await db
      .selectFrom("audit_event")
      .select(["action", "actor_email", "target_id", "target", "created_at", "details"])
      .where("organization_id", "=", editor.organization.id)
      .orderBy("action")
      .execute();
    expect(audit).toEqual([
      {
        action: "signer.reason_approved",
        actor_email: editor.email,
        target_id: kept.id,
        target: campaign.slug,
        created_at: expect.toSatisfy((d: Date) => d >= before && d <= after),
        details: { campaignId: campaign.id },
      },
      {
        action: "signer.reason_rejected",
        actor_email: editor.email,
        target_id: refused.id,
        target: campaign.slug,
        created_at: expect.toSatisfy((d: Date) => d >= before && d <= after),
        details: { campaignId: campaign.id },
      },
    ]);
    // The audit line names neither the signer nor their words.
    expect(JSON.stringify(audit)).not.toMatch(/Approved Reason|brother|010-1234/);

    const wall = (await readSignerWall(campaign.slug, 1))!.signers;
    expect(wall.find((s) => s.name === "Approved Reason")!.reason).toBe("I sign for my brother");
    expect(wall.find((s) => s.name === "Rejected Reason")!.reason).toBeNull();
    expect(JSON.stringify(wall)).not.toContain("010-1234-5678");
    expect(JSON.stringify(wall)).not.toContain("not for the wall");
    expect(await listPendingReasons(scope, campaign.id)).toEqual([]);
  });

  it("refuses viewers, and answers 404 to another organization and for a signer with no reason to review", async () => {
    const editor = await organizerSession("editor");
    const viewer = await organizerSession("viewer", editor.organization.id);
    const stranger = await organizerSession("owner");
    const campaign = await openCampaign(editor.organization.id);
    const signer = await signature(campaign.id, "Waiting Reason", { comment: "Because" });
    const hidden = await signature(campaign.id, "Hidden Reason", { showName: false, comment: "Private" });

    expect((await approve(signer.id, viewer.cookie)).status).toBe(403);
    expect((await reject(signer.id, viewer.cookie)).status).toBe(403);
    expect((await approve(signer.id, stranger.cookie)).status).toBe(404);
    expect((await approve("not-a-uuid", editor.cookie)).status).toBe(404);
    expect((await approve(signer.id, "")).status).toBe(401);
    expect(await review(signer.id)).toEqual({ commentReview: null, commentReviewedAt: null });
    // Not on the wall: there is nothing to publish, so nothing to approve.
    expect((await approve(hidden.id, editor.cookie)).status).toBe(409);
    expect((await review(hidden.id)).commentReview).toBeNull();
    expect(
      await db.selectFrom("audit_event").select("id").where("organization_id", "=", editor.organization.id).execute(),
    ).toEqual([]);
  });

  it("drops the wall's cached pages when a reason is decided", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const first = await signature(campaign.id, "First Reason", { comment: "One" });
    const second = await signature(campaign.id, "Second Reason", { comment: "Two" });
    const reasons = async () => (await cachedSignerWall(campaign.slug, 1))!.signers.map((s) => s.reason);

    expect(await reasons()).toEqual([null, null]);
    // A change made behind the app's back is not seen: the page is served from the cache.
    await prisma.signature.update({ where: { id: second.id }, data: { commentReview: "approved" } });
    expect(await reasons()).toEqual([null, null]);
    // A decision drops the cached copy: the next view reads the rows again.
    expect((await approve(first.id, editor.cookie)).status).toBe(200);
    expect(await reasons()).toEqual(["Two", "One"]);
  });

  it("drops the wall's cached pages when a signer withdraws or changes how they appear from their link", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const leaving = await signature(campaign.id, "Leaving Signer");
    await signature(campaign.id, "Staying Signer");
    const names = async () => (await cachedSignerWall(campaign.slug, 1))!.signers.map((s) => s.name);

    expect(await names()).toEqual(["Staying Signer", "Leaving Signer"]);
    expect(await withdrawAction(withdrawToken(leaving.id), { status: "idle" })).toEqual({ status: "withdrawn" });
    expect(await names()).toEqual(["Staying Signer"]);

    // Changing to initials from the same link shows the initials at once; to counted only, nobody.
    const staying = (await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } })).id;
    const choose = (appearance: string) => {
      const form = new FormData();
      form.set("appearance", appearance);
      return changeAppearanceAction(withdrawToken(staying), { status: "idle" }, form);
    };
    expect(await choose("initials")).toEqual({ status: "changed" });
    expect(await names()).toEqual(["S. S."]);
    expect(await choose("counted")).toEqual({ status: "changed" });
    expect(await names()).toEqual([]);
  });
});
