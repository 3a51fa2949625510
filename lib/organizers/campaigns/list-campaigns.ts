// The dashboard's campaign list: each of the organization's campaigns with its signature counts (confirmed,
// pending, suspected, struck out), letters by status and delivery emails by state. Four grouped queries, whatever the number of campaigns.
import "server-only";
import { prisma, pool } from "@/lib/infra/db";
import type { Scope } from "../scope";
import { pickTranslation } from "@/lib/campaigns/pick-translation";

export type CampaignSummary = {
  id: string;
  slug: string;
  status: "draft" | "open" | "closed";
  title: string;
  goal: number;
  /** Confirmed is the public count; suspected (caught by an abuse check) and invalidated (struck out) never count. */
  signatures: { confirmed: number; pending: number; suspected: number; invalidated: number };
  letters: Record<string, number>;
  deliveries: Record<string, number>;
};

export async function listCampaigns(scope: Scope, locale: string): Promise<CampaignSummary[]> {
  const campaigns = await prisma.campaign.findMany({
    where: scope.campaigns,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      status: true,
      goal: true,
      defaultLocale: true,
      translations: { select: { locale: true, title: true } },
    },
  });
  const ids = campaigns.map((c) => c.id);
  const [signatures, letters, deliveries] = await Promise.all([
    grouped(
      `SELECT campaign_id, status::text AS key, count(*)::int AS n FROM signature WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      ids,
    ),
    grouped(
      `SELECT campaign_id, status::text AS key, count(*)::int AS n FROM letter WHERE campaign_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      ids,
    ),
    grouped(
      `SELECT campaign_id, status::text AS key, count(*)::int AS n FROM outbox_message
        WHERE campaign_id = ANY($1::uuid[]) AND kind LIKE 'delivery.%' GROUP BY 1, 2`,
      ids,
    ),
  ]);
  return campaigns.map((c) => {
    const title = pickTranslation(c.translations, locale, c.defaultLocale)?.title ?? c.slug;
    const s = signatures.get(c.id) ?? {};
    return {
      id: c.id,
      slug: c.slug,
      status: c.status,
      title,
      goal: c.goal,
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

async function grouped(sql: string, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (ids.length === 0) return out;
  const { rows } = await pool.query<{ campaign_id: string; key: string; n: number }>(sql, [ids]);
  for (const row of rows) {
    const entry = out.get(row.campaign_id) ?? {};
    entry[row.key] = row.n;
    out.set(row.campaign_id, entry);
  }
  return out;
}
