import { isCampaignSlug } from "./slug";
import { pool } from "@/lib/infra/db";

export type SignatureCount = { confirmed: number; goal: number };

/** The confirmed count and goal of a public campaign, or null. Reads at most a handful of rows at any size. */
export async function signatureCountFor(slug: string): Promise<SignatureCount | null> {
  if (!isCampaignSlug(slug)) return null;
  const { rows } = await pool.query<{ confirmed: number; goal: number }>(
    `SELECT c.goal,
            COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = c.id), 0)::int AS confirmed
       FROM campaign c WHERE c.slug = $1 AND c.status <> 'draft'`,
    [slug],
  );
  const row = rows[0];
  return row ? { confirmed: row.confirmed, goal: row.goal } : null;
}
