// The public list of campaigns, each in the reader's language with its confirmed count and goal: drafts are not
// public, and a campaign without any text is left out rather than shown blank.
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import type { Locale } from "@/lib/infra/i18n/config";
import { pickTranslation } from "./pick-translation";

export type CampaignListItem = {
  slug: string;
  title: string;
  summary: string;
  closed: boolean;
  confirmed: number;
  goal: number;
};

export async function listPublicCampaigns(locale: Locale): Promise<CampaignListItem[]> {
  const campaigns = await db
    .selectFrom("campaign as c")
    .select((eb) => [
      "c.slug",
      "c.status",
      "c.default_locale",
      "c.goal",
      // The sum of the count shards, as the public count reads it (signature-count.ts).
      sql<number>`COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = c.id), 0)::int`.as(
        "confirmed",
      ),
      jsonArrayFrom(
        eb
          .selectFrom("campaign_translation as t")
          .select(["t.locale", "t.title", "t.summary"])
          .whereRef("t.campaign_id", "=", "c.id"),
      ).as("translations"),
    ])
    .where("c.status", "in", ["open", "closed"])
    .orderBy("c.status", "desc")
    .orderBy("c.created_at", "desc")
    .limit(50)
    .execute();
  return campaigns.flatMap((c) => {
    const text = pickTranslation(c.translations, locale, c.default_locale);
    if (!text) return [];
    const closed = c.status === "closed";
    return [{ slug: c.slug, title: text.title, summary: text.summary, closed, confirmed: c.confirmed, goal: c.goal }];
  });
}
