// A campaign's title for headings and emails: in the reader's language, else in the campaign's default language
// (pickTranslation), else its slug, so a heading is never empty.
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Expression } from "kysely";
import { db } from "@/lib/infra/db";
import { pickTranslation } from "./pick-translation";

/** A campaign's titles (and its target's name) in every language, as a column of a query that knows its id. */
export function campaignTitles(campaignId: Expression<string>) {
  return jsonArrayFrom(
    db
      .selectFrom("campaign_translation as t")
      .select(["t.locale", "t.title", "t.target_name"])
      .where("t.campaign_id", "=", campaignId),
  );
}

export async function campaignTitle(
  campaign: { id: string; slug: string; defaultLocale: string },
  locale: string,
): Promise<string> {
  const texts = await db
    .selectFrom("campaign_translation")
    .select(["locale", "title"])
    .where("campaign_id", "=", campaign.id)
    .execute();
  return pickTranslation(texts, locale, campaign.defaultLocale)?.title ?? campaign.slug;
}
