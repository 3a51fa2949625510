// The dashboard's figures: per day over two weeks, per source, per country and region, letters against signatures,
// the challenge (read from the guard's counters), and what needs attention, for the organization's own campaigns only. Another organization's rows,
// on the same days, countries and sources, never appear in them.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, prisma } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { stopBoss } from "@/lib/infra/queue/boss";
import { dashboardFigures, trendDaysUntil } from "@/lib/organizers/campaigns/dashboard-figures";
import { listCampaigns } from "@/lib/organizers/campaigns/list-campaigns";
import { needsAttention } from "@/lib/organizers/campaigns/needs-attention";
import { scopeFor } from "@/lib/organizers/scope";
import { challengeStatus } from "@/lib/integrity/challenge-status";
import { abusePrefix, campaignKey } from "@/lib/integrity/rate-keys";
import { countPendingReasons } from "@/lib/signer-wall/count-pending-reasons";
import { createCampaign } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

// A fixed moment: 2026-06-15 10:00 UTC is 19:00 in Seoul, the same calendar day in both.
const at = new Date("2026-06-15T10:00:00Z");
const hoursAgo = (h: number) => new Date(at.getTime() - h * 3_600_000);

function scopeOf(organizationId: string) {
  return scopeFor({
    userId: randomUUID(),
    email: "o@example.test",
    name: "O",
    organizationId,
    organizationName: "Org",
    role: "viewer",
  });
}

async function sign(
  campaignId: string,
  rows: { country: string; region?: string; source?: string; confirmedAt?: Date; status?: "confirmed" | "pending" }[],
) {
  await prisma.signature.createMany({
    data: rows.map((r) => {
      const email = `s-${randomUUID()}@example.test`;
      return {
        campaignId,
        email,
        emailKey: email,
        name: "S",
        country: r.country,
        region: r.region ?? null,
        source: r.source ?? null,
        locale: "en",
        status: r.status ?? "confirmed",
        confirmedAt: r.status === "pending" ? null : (r.confirmedAt ?? hoursAgo(1)),
      };
    }),
  });
}

async function write(
  campaignId: string,
  rows: { status: "confirmed" | "held" | "pending" | "rejected"; source?: string }[],
) {
  for (const r of rows) {
    const email = `w-${randomUUID()}@example.test`;
    await prisma.letter.create({
      data: {
        campaignId,
        email,
        emailKey: email,
        name: "W",
        country: "KR",
        subject: "S",
        body: "B",
        language: "en",
        locale: "en",
        status: r.status,
        source: r.source ?? null,
        heldReason: r.status === "held" ? "links" : null,
        confirmedAt: r.status === "pending" ? null : hoursAgo(1),
      },
    });
  }
}

async function failedDelivery(campaignId: string) {
  await prisma.outboxMessage.create({
    data: {
      kind: "delivery.digest",
      to: "target@example.test",
      locale: "en",
      messageId: `<${randomUUID()}@example.test>`,
      status: "failed",
      lastError: "550 mailbox unavailable",
      campaignId,
    },
  });
}

describe("dashboard figures", () => {
  it("counts the organization's own campaigns in SQL, and never another organization's rows", async () => {
    const own = await createCampaign({ goal: 50, closesAt: new Date(at.getTime() + 3 * 86_400_000) });
    const other = await createCampaign();
    // Two confirmed today from Korea (Seoul, one from a newsletter link), one three days ago from California, one
    // from Germany outside the fortnight, one pending (never counted).
    await sign(own.id, [
      { country: "KR", region: "11", source: "newsletter" },
      { country: "KR", region: "11" },
      { country: "US", region: "CA", source: "newsletter", confirmedAt: hoursAgo(72) },
      { country: "DE", confirmedAt: hoursAgo(24 * 20) },
      { country: "KR", status: "pending" },
    ]);
    await write(own.id, [{ status: "confirmed", source: "newsletter" }, { status: "held" }, { status: "pending" }]);
    await failedDelivery(own.id);
    // The other organization's campaign: the same countries, source and days, in larger numbers.
    await sign(other.id, [
      { country: "KR", region: "11", source: "newsletter" },
      { country: "KR", region: "11", source: "newsletter" },
      { country: "US", region: "CA", confirmedAt: hoursAgo(72) },
      { country: "FR" },
    ]);
    await write(other.id, [{ status: "held" }, { status: "held" }, { status: "confirmed", source: "newsletter" }]);
    await failedDelivery(other.id);

    const figures = await dashboardFigures(scopeOf(own.organizationId), { at, timeZone: "UTC" });
    expect([...figures.keys()]).toEqual([own.id]);
    const f = figures.get(own.id)!;

    expect(f.trend).toHaveLength(14);
    expect(f.trend.at(-1)).toEqual({ day: "2026-06-15", signatures: 2 });
    expect(f.trend.find((d) => d.day === "2026-06-12")).toEqual({ day: "2026-06-12", signatures: 1 });
    expect(f.trend[0]!.day).toBe("2026-06-02");
    expect(f.trend.reduce((sum, d) => sum + d.signatures, 0)).toBe(3);

    expect(f.perCountry).toEqual([
      { country: "KR", signatures: 2 },
      { country: "DE", signatures: 1 },
      { country: "US", signatures: 1 },
    ]);
    expect(f.perRegion).toEqual([
      { country: "KR", region: "11", signatures: 2 },
      { country: "US", region: "CA", signatures: 1 },
    ]);
    expect(f.perSource).toEqual([
      { source: null, signatures: 2, letters: 1 },
      { source: "newsletter", signatures: 2, letters: 1 },
    ]);
    // Confirmed and held count; the pending letter does not.
    expect(f.letters).toBe(2);

    const [summary] = await listCampaigns(scopeOf(own.organizationId), "en");
    expect(summary!.id).toBe(own.id);
    expect(needsAttention(summary!, null, at)).toEqual([
      { kind: "held", count: 1 },
      { kind: "failed", count: 1 },
      { kind: "closing", closesAt: own.closesAt },
    ]);

    // The other organization sees its own figures only.
    const theirs = (await dashboardFigures(scopeOf(other.organizationId), { at, timeZone: "UTC" })).get(other.id)!;
    expect(theirs.perCountry).toEqual([
      { country: "KR", signatures: 2 },
      { country: "FR", signatures: 1 },
      { country: "US", signatures: 1 },
    ]);
    expect(theirs.letters).toBe(3);
  });

  it("buckets days in the reader's time zone", async () => {
    const own = await createCampaign();
    // 16:00 UTC on June 14 is 01:00 on June 15 in Seoul.
    await sign(own.id, [{ country: "KR", confirmedAt: new Date("2026-06-14T16:00:00Z") }]);
    const scope = scopeOf(own.organizationId);
    const utc = (await dashboardFigures(scope, { at, timeZone: "UTC" })).get(own.id)!;
    const seoul = (await dashboardFigures(scope, { at, timeZone: "Asia/Seoul" })).get(own.id)!;
    expect(utc.trend.filter((d) => d.signatures > 0)).toEqual([{ day: "2026-06-14", signatures: 1 }]);
    expect(seoul.trend.filter((d) => d.signatures > 0)).toEqual([{ day: "2026-06-15", signatures: 1 }]);
    expect(trendDaysUntil(at, "Asia/Seoul")).toHaveLength(14);
  });

  it("says when the challenge is on, for everyone or for some networks, from the guard's own counters", async () => {
    const everyone = await createCampaign();
    const networks = await createCampaign();
    const quiet = await createCampaign();
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const fiveMinutes = new Date(Math.floor(at.getTime() / 300_000) * 300_000);
    await prisma.rateWindow.createMany({
      data: [
        // The previous minute passed the trigger: still on, as the guard keeps it.
        {
          key: campaignKey("sign", everyone.slug),
          windowStart: new Date(minute.getTime() - 60_000),
          hits: env.CHALLENGE_CAMPAIGN_PER_MINUTE,
        },
        { key: `${abusePrefix("letter", networks.slug)}somenetwork`, windowStart: fiveMinutes, hits: 999 },
        // Below the trigger, and a burst long past: off.
        { key: campaignKey("sign", quiet.slug), windowStart: minute, hits: env.CHALLENGE_CAMPAIGN_PER_MINUTE - 1 },
        {
          key: campaignKey("letter", quiet.slug),
          windowStart: new Date(minute.getTime() - 10 * 60_000),
          hits: 999,
        },
      ],
    });
    const status = await challengeStatus([everyone.slug, networks.slug, quiet.slug], at);
    expect(status.get(everyone.slug)).toBe("everyone");
    expect(status.get(networks.slug)).toBe("networks");
    expect(status.has(quiet.slug)).toBe(false);
    // The dashboard's strip says so for an open campaign.
    const [summary] = await listCampaigns(scopeOf(networks.organizationId), "en");
    expect(needsAttention(summary!, status.get(networks.slug)!, at)).toEqual([{ kind: "challenge", who: "networks" }]);
  });

  it("counts the reasons waiting for review per campaign, the wall's queue's own rule, never another organization's", async () => {
    const own = await createCampaign();
    const other = await createCampaign();
    const row = (campaignId: string, extra: object) => {
      const email = `r-${randomUUID()}@example.test`;
      return {
        campaignId,
        email,
        emailKey: email,
        name: "Named Signer",
        country: "KR",
        locale: "ko",
        status: "confirmed" as const,
        confirmedAt: hoursAgo(1),
        showName: true,
        appearance: "full" as const,
        comment: "Because it matters.",
        ...extra,
      };
    };
    await prisma.signature.createMany({
      data: [
        row(own.id, {}),
        row(own.id, {}),
        // Not waiting: reviewed, not shown by choice, no reason, pending.
        row(own.id, { commentReview: "approved" }),
        row(own.id, { showName: false }),
        row(own.id, { comment: "  " }),
        row(own.id, { status: "pending", confirmedAt: null }),
        row(other.id, {}),
        row(other.id, {}),
        row(other.id, {}),
      ],
    });
    const counts = await countPendingReasons(scopeOf(own.organizationId));
    expect([...counts.entries()]).toEqual([[own.id, 2]]);
    const [summary] = await listCampaigns(scopeOf(own.organizationId), "en");
    expect(needsAttention(summary!, null, at, counts.get(own.id))).toEqual([{ kind: "reasons", count: 2 }]);
  });
});
