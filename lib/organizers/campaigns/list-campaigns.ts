// The dashboard's campaign list: each of the organization's campaigns with its signature counts (confirmed, pending,
// suspected, struck out), letters by status and delivery emails by state: four queries at any number of campaigns.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import type { Scope } from "../scope";

export type CampaignSummary = {
  id: string;
  slug: string;
  status: "draft" | "open" | "closed";
  title: string;
  goal: number;
  /** When the campaign stops taking signatures by itself, if it has such a date. */
  closesAt: Date | null;
  /** Confirmed is the public count; suspected (caught by an abuse check) and invalidated (struck out) never count. */
  signatures: { confirmed: number; pending: number; suspected: number; invalidated: number };
  letters: Record<string, number>;
  deliveries: Record<string, number>;
};

export async function listCampaigns(scope: Scope, locale: string): Promise<CampaignSummary[]> {
  const campaigns = await db
    .selectFrom("campaign as c")
    .select((eb) => [
      "c.id",
      "c.slug",
      "c.status",
      "c.goal",
      "c.closes_at",
      "c.default_locale",
      campaignTitles(eb.ref("c.id")).as("titles"),
    ])
    .where("c.organization_id", "=", scope.organizationId)
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "asc")
    .execute();
  const ids = campaigns.map((c) => c.id);
  const [signatures, letters, deliveries] = await Promise.all([
    grouped(ids, (ids) =>
      db
        .selectFrom("signature")
        .select(["campaign_id", sql<string>`status::text`.as("key"), sql<number>`count(*)::int`.as("n")])
        .where("campaign_id", "in", ids)
        .groupBy(["campaign_id", "status"]),
    ),
    grouped(ids, (ids) =>
      db
        .selectFrom("letter")
        .select(["campaign_id", sql<string>`status::text`.as("key"), sql<number>`count(*)::int`.as("n")])
        .where("campaign_id", "in", ids)
        .groupBy(["campaign_id", "status"]),
    ),
    grouped(ids, (ids) =>
      db
        .selectFrom("outbox_message")
        .select(["campaign_id", sql<string>`status::text`.as("key"), sql<number>`count(*)::int`.as("n")])
        .where("campaign_id", "in", ids)
        .where("kind", "in", kindsOf("delivery"))
        .groupBy(["campaign_id", "status"]),
    ),
  ]);
  return campaigns.map((c) => {
    const title = pickTranslation(c.titles, locale, c.default_locale)?.title ?? c.slug;
    const s = signatures.get(c.id) ?? {};
    return {
      id: c.id,
      slug: c.slug,
      status: c.status,
      title,
      goal: c.goal,
      closesAt: c.closes_at,
      signatures: {
        confirmed: s.confirmed ?? 0,
        pending: s.pending ?? 0,
        suspected: s.suspected ?? 0,
        invalidated: s.invalidated ?? 0,
      },
      letters: letters.get(c.id) ?? {},
      deliveries: deliveries.get(c.id) ?? {},
    };
  });
}

/** Counts by (campaign, key), read by `query` for the given campaigns (none: no query). */
async function grouped(
  ids: string[],
  query: (ids: string[]) => { execute(): Promise<{ campaign_id: string | null; key: string; n: number }[]> },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (ids.length === 0) return out;
  for (const row of await query(ids).execute()) {
    if (!row.campaign_id) continue;
    const entry = out.get(row.campaign_id) ?? {};
    entry[row.key] = row.n;
    out.set(row.campaign_id, entry);
  }
  return out;
}
