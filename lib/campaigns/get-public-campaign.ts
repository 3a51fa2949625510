// What the public campaign page shows, in one language (falling back to the campaign's default language). A draft
// is not public: it answers as if it did not exist.
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import { campaignState } from "./campaign-state";
import { isCampaignSlug } from "./slug";
import { pickTranslation } from "./pick-translation";
import { defaultAppearance, type Appearance } from "./appearance";
import { organizationNameIn } from "./organization-name";
import { campaignTargets, targetText } from "./campaign-targets";
import type { Locale } from "@/lib/infra/i18n/config";

export type PublicTarget = { name: string; office: string };

export type PublicCampaign = {
  id: string;
  slug: string;
  state: "open" | "closed" | "not_open_yet";
  goal: number;
  targetName: string;
  /** Everyone the letters and signatures go to, in order, named in the page's language. */
  targets: PublicTarget[];
  organizationName: string;
  locale: string;
  title: string;
  summary: string;
  context: string;
  letter: string;
  sources: string;
  /** The sign form's pre-selected "how I appear to the target", from the campaign's risk setting. */
  defaultAppearance: Appearance;
  /** Changes whenever an organizer saves the campaign: part of its preview image's address. */
  version: string;
};

export async function getPublicCampaign(slug: string, locale: Locale): Promise<PublicCampaign | null> {
  if (!isCampaignSlug(slug)) return null;
  const campaign = await db
    .selectFrom("campaign as c")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select((eb) => [
      "c.id",
      "c.slug",
      "c.status",
      "c.goal",
      "c.default_locale",
      "c.opens_at",
      "c.closes_at",
      "c.risk",
      "c.updated_at",
      organizationNameIn(locale).as("organization_name"),
      jsonArrayFrom(
        eb
          .selectFrom("campaign_translation as t")
          .select(["t.locale", "t.title", "t.summary", "t.target_name", "t.context", "t.letter", "t.sources"])
          .whereRef("t.campaign_id", "=", "c.id"),
      ).as("translations"),
    ])
    .where("c.slug", "=", slug)
    .executeTakeFirst();
  if (!campaign || campaign.status === "draft") return null;
  const text = pickTranslation(campaign.translations, locale, campaign.default_locale);
  if (!text) return null;
  const state = campaignState({ status: campaign.status, opensAt: campaign.opens_at, closesAt: campaign.closes_at });
  const targets = (await campaignTargets(campaign.id)).map((target) => {
    const { name, office } = targetText(target, text.locale);
    return { name, office };
  });
  return {
    id: campaign.id,
    slug: campaign.slug,
    state,
    goal: campaign.goal,
    targetName: text.target_name,
    targets,
    organizationName: campaign.organization_name,
    locale: text.locale,
    title: text.title,
    summary: text.summary,
    context: text.context,
    letter: text.letter,
    sources: text.sources,
    defaultAppearance: defaultAppearance(campaign.risk),
    version: campaign.updated_at.getTime().toString(36),
  };
}
