// The public count: the sum of a campaign's count shards (count-shards.ts), so reading it costs the same at any
// number of signatures. A draft has no public count.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { isCampaignSlug } from "./slug";

export type SignatureCount = { confirmed: number; goal: number };

/** The confirmed count and goal of a public campaign, or null. Reads at most a handful of rows at any size. */
export async function signatureCountFor(slug: string): Promise<SignatureCount | null> {
  if (!isCampaignSlug(slug)) return null;
  const row = await db
    .selectFrom("campaign as c")
    .select([
      "c.goal",
      sql<number>`COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = c.id), 0)::int`.as(
        "confirmed",
      ),
    ])
    .where("c.slug", "=", slug)
    .where("c.status", "<>", "draft")
    .executeTakeFirst();
  return row ? { confirmed: row.confirmed, goal: row.goal } : null;
}
