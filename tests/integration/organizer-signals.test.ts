// Signals organizers can act on: networks with many signatures, disposable email domains, near-identical letters,
// suspected submissions and bursts; bulk invalidation with the count corrected exactly (also when confirmations and
// withdrawals race with it), restore within its window and erasure after it, and the organization scope and roles on
// every route.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as signalsRoute from "@/app/api/organizer/campaigns/[id]/signals/route";
import * as invalidationsRoute from "@/app/api/organizer/campaigns/[id]/invalidations/route";
import * as previewRoute from "@/app/api/organizer/campaigns/[id]/invalidations/preview/route";
import * as nearCopiesRoute from "@/app/api/organizer/campaigns/[id]/near-copies/reject/route";
import * as restoreRoute from "@/app/api/organizer/invalidations/[id]/restore/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { eraseStruckOut } from "@/lib/privacy/erase-struck-out";
import { newToken } from "@/lib/infra/crypto";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { withdrawToken } from "@/lib/signatures/links";
import { renderDigestDelivery } from "@/lib/delivery/render-delivery-mail";
import { ensureCampaignTarget } from "@/lib/campaigns/campaign-targets";
import type { Signals } from "@/lib/integrity/signals/list-signals";
import type { SignatureStatus } from "@/lib/generated/prisma/client";
import { params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

afterEach(() => resetClock());

async function openCampaign(organizationId: string) {
  const suffix = randomUUID().slice(0, 8);
  return prisma.campaign.create({
    data: {
      slug: `sig-${suffix}`,
      organizationId,
      status: "open",
      goal: 100,
      targetEmail: "t@example.test",
      translations: {
        create: [
          { locale: "en", title: `Signals ${suffix}`, summary: "S", context: "C", letter: "L", targetName: "T" },
        ],
      },
    },
  });
}

type Row = { status?: SignatureStatus; network?: string; domain?: string; reason?: string; at?: Date; token?: boolean };

// Unless a test says when, each signature gets a minute of its own, so that only the tests' bursts are bursts.
let minutesAgo = 60;

/** Signatures written straight to the table (as the sign path and the abuse checks would leave them). */
async function seed(campaignId: string, n: number, row: Row = {}) {
  const ids: { id: string; token: string | null }[] = [];
  for (let i = 0; i < n; i++) {
    const local = `s-${randomUUID().slice(0, 12)}`;
    const email = `${local}@${row.domain ?? "example.test"}`;
    const status = row.status ?? "confirmed";
    const t = row.token ? newToken() : null;
    const s = await prisma.signature.create({
      data: {
        campaignId,
        email,
        emailKey: email,
        name: "Signer",
        country: "US",
        locale: "en",
        status,
        wantsUpdates: true,
        networkHash: row.network ?? `net-${randomUUID()}`,
        spamReason: row.reason ?? null,
        createdAt: row.at ?? new Date(Date.now() - ++minutesAgo * 60_000),
        confirmedAt: status === "confirmed" ? new Date() : null,
        confirmTokenHash: t ? new Uint8Array(t.hash) : null,
        confirmTokenExpiresAt: t ? new Date(Date.now() + 3_600_000) : null,
      },
    });
    ids.push({ id: s.id, token: t?.token ?? null });
  }
  return ids;
}

/** The shards made to agree with the seeded rows, as the sign path keeps them. */
async function syncCount(campaignId: string) {
  await pool.query(`DELETE FROM campaign_count_shard WHERE campaign_id = $1`, [campaignId]);
  await pool.query(
    `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) SELECT $1, 0, count(*) FROM signature WHERE campaign_id = $1 AND status = 'confirmed'`,
    [campaignId],
  );
}

async function counts(campaignId: string) {
  const { rows } = await pool.query<{ shards: number; confirmed: number }>(
    `SELECT COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = $1), 0)::int AS shards,
            (SELECT count(*) FROM signature WHERE campaign_id = $1 AND status = 'confirmed')::int AS confirmed`,
    [campaignId],
  );
  return rows[0]!;
}

const get = (handler: typeof signalsRoute.GET, id: string, cookie: string) =>
  handler(organizerRequest("GET", "/x", { cookie }), params({ id }));
const post = (handler: typeof previewRoute.POST, id: string, cookie: string, body?: unknown) =>
  handler(organizerRequest("POST", "/x", { cookie, body }), params({ id }));

describe("signals", () => {
  it("lists heavy networks, disposable domains, suspected submissions by reason, bursts and near-identical letters", async () => {
    const owner = await organizerSession("owner");
    const campaign = await openCampaign(owner.organization.id);
    const heavy = `heavy-${randomUUID()}`;
    const burstMinute = new Date("2026-11-20T10:15:00Z");
    await seed(campaign.id, 12, { network: heavy, at: new Date(burstMinute.getTime() + 5_000) });
    await seed(campaign.id, 6, { network: heavy, status: "pending", at: new Date(burstMinute.getTime() + 20_000) });
    await seed(campaign.id, 4, {
      network: heavy,
      status: "suspected",
      reason: "too_fast",
      at: new Date(burstMinute.getTime() + 40_000),
    });
    await seed(campaign.id, 19, { network: `light-${randomUUID()}` });
    await seed(campaign.id, 3, { domain: "mailinator.com" });
    await seed(campaign.id, 2, { domain: "x.Guerrillamail.com".toLowerCase(), status: "pending" });
    await seed(campaign.id, 2, { domain: "notguerrillamail.example" });
    await seed(campaign.id, 5, { status: "suspected", reason: "honeypot" });
    await seed(campaign.id, 8, { at: new Date(burstMinute.getTime() + 50_000) });
    for (let i = 0; i < 3; i++) {
      await prisma.letter.create({
        data: {
          campaignId: campaign.id,
          email: `w${i}@example.test`,
          emailKey: `w${i}-${randomUUID()}@example.test`,
          name: "W",
          country: "KR",
          subject: "Same",
          body: "Please raise the camps.",
          language: "en",
          locale: "en",
          status: i === 0 ? "confirmed" : "held",
          bodyFingerprint: "a".repeat(32),
          confirmedAt: new Date(),
        },
      });
    }

    const res = await get(signalsRoute.GET, campaign.id, owner.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Signals;
    expect(body.networks).toEqual([
      expect.objectContaining({
        network: heavy,
        label: expect.stringMatching(/^#[A-Za-z0-9]{1,8}$/),
        total: 22,
        confirmed: 12,
        pending: 6,
        suspected: 4,
        invalidated: 0,
      }),
    ]);
    expect(body.networks[0]!.label).not.toContain(".");
    expect(body.disposableDomains).toEqual([
      expect.objectContaining({ domain: "mailinator.com", total: 3, confirmed: 3 }),
      expect.objectContaining({ domain: "guerrillamail.com", total: 2, pending: 2 }),
    ]);
    expect(body.suspected).toEqual([
      expect.objectContaining({ reason: "honeypot", signatures: 5, letters: 0, invalidated: 0 }),
      expect.objectContaining({ reason: "too_fast", signatures: 4 }),
    ]);
    expect(body.bursts).toEqual([expect.objectContaining({ total: 30, confirmed: 20, pending: 6, suspected: 4 })]);
    expect(new Date(body.bursts[0]!.minute).toISOString()).toBe(burstMinute.toISOString());
    expect(body.nearCopies).toEqual([
      expect.objectContaining({
        fingerprint: "a".repeat(32),
        letters: 3,
        byStatus: { confirmed: 1, held: 2 },
        subject: "Same",
      }),
    ]);
  });
});

describe("invalidation", () => {
  it("previews, then strikes out a network in one step: count corrected exactly, mail cancelled, recorded; restore undoes it", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const network = `bot-${randomUUID()}`;
    await seed(campaign.id, 7, { network });
    const pending = await seed(campaign.id, 3, { network, status: "pending", token: true });
    await seed(campaign.id, 2, { network, status: "suspected", reason: "honeypot" });
    await seed(campaign.id, 5);
    await syncCount(campaign.id);
    // A pending signer's unsent confirmation email.
    const outboxId = randomUUID();
    await prisma.outboxMessage.create({
      data: {
        id: outboxId,
        kind: "signature.confirm",
        to: "x@example.test",
        locale: "en",
        messageId: `<${outboxId}@t>`,
        signatureId: pending[0]!.id,
      },
    });
    expect(await counts(campaign.id)).toEqual({ shards: 12, confirmed: 12 });

    const preview = await post(previewRoute.POST, campaign.id, editor.cookie, { criteria: { network } });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      signatures: 12,
      confirmed: 7,
      pending: 3,
      suspected: 2,
      delivered: 0,
    });

    const res = await post(invalidationsRoute.POST, campaign.id, editor.cookie, { criteria: { network } });
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result).toMatchObject({ invalidated: 12, uncounted: 7, cancelledMail: 1 });
    expect(await counts(campaign.id)).toEqual({ shards: 5, confirmed: 5 });
    expect(
      await prisma.signature.count({
        where: { campaignId: campaign.id, networkHash: network, status: "invalidated", invalidatedAt: { not: null } },
      }),
    ).toBe(12);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } })).status).toBe("cancelled");
    const action = await prisma.abuseAction.findUniqueOrThrow({ where: { id: result.id } });
    expect(action).toMatchObject({
      kind: "invalidate_signatures",
      affected: 12,
      uncounted: 7,
      organizationId: editor.organization.id,
      criteria: { network },
    });
    expect(action.userId).not.toBeNull();

    // A later confirmation link does nothing; the list shows the action; the same set a second time is empty.
    expect((await confirmSignature(pending[1]!.token!)).status).not.toBe("confirmed");
    expect(await counts(campaign.id)).toEqual({ shards: 5, confirmed: 5 });
    const again = await post(invalidationsRoute.POST, campaign.id, editor.cookie, { criteria: { network } });
    expect(await again.json()).toMatchObject({ invalidated: 0, uncounted: 0 });
    const list = await (await get(invalidationsRoute.GET, campaign.id, editor.cookie)).json();
    expect(list.actions.map((a: { id: string }) => a.id)).toContain(result.id);

    // Restore: statuses back as they were, the confirmed ones counted again; a second restore is a conflict.
    const restored = await post(restoreRoute.POST, result.id, editor.cookie);
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ restored: 12, recounted: 7 });
    expect(await counts(campaign.id)).toEqual({ shards: 12, confirmed: 12 });
    const statuses = await pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM signature WHERE network_hash = $1 GROUP BY 1 ORDER BY 1`,
      [network],
    );
    expect(statuses.rows).toEqual(
      [
        { status: "pending", n: 3 },
        { status: "confirmed", n: 7 },
        { status: "suspected", n: 2 },
      ].sort((a, b) => (a.status < b.status ? -1 : 1)),
    );
    expect((await post(restoreRoute.POST, result.id, editor.cookie)).status).toBe(409);
    expect(await prisma.abuseAction.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      restored: 12,
      recounted: 7,
    });
  });

  it("strikes out a disposable domain with its subdomains, the suspected of one reason, or a time window, and nothing else", async () => {
    const owner = await organizerSession("owner");
    const campaign = await openCampaign(owner.organization.id);
    await seed(campaign.id, 2, { domain: "yopmail.com" });
    await seed(campaign.id, 1, { domain: "a.b.yopmail.com" });
    await seed(campaign.id, 2, { domain: "notyopmail.com" });
    await seed(campaign.id, 3, { status: "suspected", reason: "honeypot" });
    await seed(campaign.id, 2, { status: "suspected", reason: "too_fast" });
    await seed(campaign.id, 4, { at: new Date("2026-11-01T12:00:30Z") });
    await syncCount(campaign.id);
    const before = await counts(campaign.id);

    const domain = await (
      await post(invalidationsRoute.POST, campaign.id, owner.cookie, { criteria: { domain: "YOPMAIL.com" } })
    ).json();
    expect(domain).toMatchObject({ invalidated: 3, uncounted: 3 });
    const reason = await (
      await post(invalidationsRoute.POST, campaign.id, owner.cookie, { criteria: { reason: "honeypot" } })
    ).json();
    expect(reason).toMatchObject({ invalidated: 3, uncounted: 0 });
    const window = await (
      await post(invalidationsRoute.POST, campaign.id, owner.cookie, {
        criteria: { from: "2026-11-01T12:00:00Z", to: "2026-11-01T12:01:00Z" },
      })
    ).json();
    expect(window).toMatchObject({ invalidated: 4, uncounted: 4 });
    expect(await counts(campaign.id)).toEqual({ shards: before.shards - 7, confirmed: before.confirmed - 7 });
    expect(
      await prisma.signature.count({ where: { campaignId: campaign.id, status: "suspected", spamReason: "too_fast" } }),
    ).toBe(2);

    // A set must be named: no criteria (or a malformed one) is a 422, not "everything".
    for (const criteria of [{}, { domain: "not a domain" }, { from: "2026-11-02T00:00:00Z" }]) {
      expect((await post(invalidationsRoute.POST, campaign.id, owner.cookie, { criteria })).status).toBe(422);
    }
  });

  it("keeps the count exact when confirmations and withdrawals race with an invalidation and its restore", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const network = `race-${randomUUID()}`;
    const pendings = await seed(campaign.id, 30, { network, status: "pending", token: true });
    const confirmed = await seed(campaign.id, 30, { network });
    await seed(campaign.id, 10);
    await syncCount(campaign.id);

    const invalidation = post(invalidationsRoute.POST, campaign.id, editor.cookie, { criteria: { network } });
    const racing = [
      ...pendings.map((p) => confirmSignature(p.token!)),
      ...confirmed.slice(0, 15).map((c) => withdrawSignature(withdrawToken(c.id))),
    ];
    const [res] = await Promise.all([invalidation, ...racing]);
    expect(res.status).toBe(201);
    const c = await counts(campaign.id);
    expect(c.shards).toBe(c.confirmed);
    // Whatever the order, nothing of that network counts any more and the 10 others still do.
    expect(c.confirmed).toBe(10);

    const { id } = await res.json();
    const withdrawals = confirmed.slice(15, 20).map((s) => withdrawSignature(withdrawToken(s.id)));
    await Promise.all([post(restoreRoute.POST, id, editor.cookie), ...withdrawals]);
    const after = await counts(campaign.id);
    expect(after.shards).toBe(after.confirmed);
  });

  it("never delivers a struck-out signature, and leaves it out of the signer export", async () => {
    const owner = await organizerSession("owner");
    const campaign = await openCampaign(owner.organization.id);
    const network = `digest-${randomUUID()}`;
    const [bad] = await seed(campaign.id, 1, { network });
    const [good] = await seed(campaign.id, 1);
    await syncCount(campaign.id);
    // Both already claimed by a digest that has not gone yet.
    const digestId = randomUUID();
    await prisma.outboxMessage.create({
      data: {
        id: digestId,
        kind: "delivery.digest",
        to: "t@example.test",
        locale: "en",
        messageId: `<${digestId}@t>`,
        campaignId: campaign.id,
        payload: { periodStart: null, totals: { confirmed: 2, letters: 0 } },
      },
    });
    await prisma.signature.updateMany({
      where: { id: { in: [bad!.id, good!.id] } },
      data: { deliveryMessageId: digestId },
    });
    // Handed to the campaign's target, as the scheduler records it (target_signature, the digest's target_id).
    await ensureCampaignTarget(campaign.id);
    await post(invalidationsRoute.POST, campaign.id, owner.cookie, { criteria: { network } });

    const row = await pool.query(`SELECT * FROM outbox_message WHERE id = $1`, [digestId]);
    const mail = await renderDigestDelivery(row.rows[0]);
    const csv = String(mail?.attachments?.[0]?.content ?? "");
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    const exported = await pool.query(
      `SELECT id FROM signature WHERE campaign_id = $1 AND status = 'confirmed' AND wants_updates`,
      [campaign.id],
    );
    expect(exported.rows.map((r) => r.id)).toEqual([good!.id]);
  });
});

describe("after the restore window", () => {
  it("erases what was struck out, keeping anonymous uncounted rows as evidence, and refuses a restore", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const network = `late-${randomUUID()}`;
    const ids = (await seed(campaign.id, 3, { network })).map((s) => s.id);
    await seed(campaign.id, 2);
    await syncCount(campaign.id);
    const res = await post(invalidationsRoute.POST, campaign.id, editor.cookie, { criteria: { network } });
    const { id } = await res.json();
    const personal = () =>
      pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM signature WHERE id = ANY($1::uuid[]) AND (email_key IS NOT NULL OR name <> '')`,
        [ids],
      );

    // Until the window ends, nothing is erased: a restore could still want it all.
    advanceClock(env.RETENTION_INVALIDATED_DAYS * 86_400_000 - 60_000);
    await eraseStruckOut();
    expect((await personal()).rows[0]!.n).toBe(3);

    advanceClock(120_000);
    expect((await post(restoreRoute.POST, id, editor.cookie)).status).toBe(409);
    await eraseStruckOut();
    expect((await personal()).rows[0]!.n).toBe(0);
    const { rows } = await pool.query(
      `SELECT status::text, email, email_key, name, network_hash, invalidation_id, invalidated_from::text
         FROM signature WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual(
      ids.map(() => ({
        status: "invalidated",
        email: "",
        email_key: null,
        name: "",
        network_hash: null,
        invalidation_id: id,
        invalidated_from: "confirmed",
      })),
    );
    expect(await counts(campaign.id)).toEqual({ shards: 2, confirmed: 2 });
    expect(await prisma.abuseAction.findUniqueOrThrow({ where: { id } })).toMatchObject({ restoredAt: null });
  });
});

describe("near-identical letters", () => {
  it("rejects the undelivered letters of one group, leaves queued ones, and records it", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);
    const fingerprint = "b".repeat(32);
    const letter = (status: "held" | "confirmed" | "queued", fp = fingerprint) =>
      prisma.letter.create({
        data: {
          campaignId: campaign.id,
          email: "w@example.test",
          emailKey: `w-${randomUUID()}@example.test`,
          name: "W",
          country: "KR",
          subject: "S",
          body: "B",
          language: "en",
          locale: "en",
          status,
          bodyFingerprint: fp,
          confirmedAt: new Date(),
        },
      });
    const [held, confirmed, queued, other] = [
      await letter("held"),
      await letter("confirmed"),
      await letter("queued"),
      await letter("held", "c".repeat(32)),
    ];
    const res = await post(nearCopiesRoute.POST, campaign.id, editor.cookie, { fingerprint });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rejected: 2 });
    const status = async (id: string) => (await prisma.letter.findUniqueOrThrow({ where: { id } })).status;
    expect([
      await status(held.id),
      await status(confirmed.id),
      await status(queued.id),
      await status(other.id),
    ]).toEqual(["rejected", "rejected", "queued", "held"]);
    expect(
      await prisma.abuseAction.count({ where: { campaignId: campaign.id, kind: "reject_letters", affected: 2 } }),
    ).toBe(1);
  });
});

describe("scope and roles", () => {
  it("answers 404 for another organization's campaign or action, and lets viewers see but not act", async () => {
    const own = await organizerSession("owner");
    const viewer = await organizerSession("viewer", own.organization.id);
    const stranger = await organizerSession("owner");
    const campaign = await openCampaign(own.organization.id);
    const network = `scope-${randomUUID()}`;
    await seed(campaign.id, 3, { network });
    await syncCount(campaign.id);
    const { id: actionId } = await (
      await post(invalidationsRoute.POST, campaign.id, own.cookie, { criteria: { network } })
    ).json();

    expect((await get(signalsRoute.GET, campaign.id, stranger.cookie)).status).toBe(404);
    expect((await get(invalidationsRoute.GET, campaign.id, stranger.cookie)).status).toBe(404);
    expect((await post(previewRoute.POST, campaign.id, stranger.cookie, { criteria: { network } })).status).toBe(404);
    expect((await post(invalidationsRoute.POST, campaign.id, stranger.cookie, { criteria: { network } })).status).toBe(
      404,
    );
    expect(
      (await post(nearCopiesRoute.POST, campaign.id, stranger.cookie, { fingerprint: "d".repeat(32) })).status,
    ).toBe(404);
    expect((await post(restoreRoute.POST, actionId, stranger.cookie)).status).toBe(404);

    expect((await get(signalsRoute.GET, campaign.id, viewer.cookie)).status).toBe(200);
    expect((await post(previewRoute.POST, campaign.id, viewer.cookie, { criteria: { network } })).status).toBe(200);
    expect((await post(invalidationsRoute.POST, campaign.id, viewer.cookie, { criteria: { network } })).status).toBe(
      403,
    );
    expect((await post(nearCopiesRoute.POST, campaign.id, viewer.cookie, { fingerprint: "d".repeat(32) })).status).toBe(
      403,
    );
    expect((await post(restoreRoute.POST, actionId, viewer.cookie)).status).toBe(403);
    // Nothing changed through the refused requests.
    expect(await prisma.abuseAction.findUniqueOrThrow({ where: { id: actionId } })).toMatchObject({ restoredAt: null });
    expect(await counts(campaign.id)).toEqual({ shards: 0, confirmed: 0 });
  });
});
