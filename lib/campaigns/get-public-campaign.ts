// What the public campaign page shows, in one language (falling back to the campaign's default language).
import { prisma } from "@/lib/infra/db";
import { campaignState } from "./campaign-state";
import { isCampaignSlug } from "./slug";
import { pickTranslation } from "./pick-translation";
import type { Locale } from "@/lib/infra/i18n/config";

export type PublicCampaign = {
  id: string;
  slug: string;
  state: "open" | "closed" | "not_open_yet";
  goal: number;
  targetName: string;
  organizationName: string;
  locale: string;
  title: string;
  summary: string;
  context: string;
  letter: string;
  sources: string;
};

export async function getPublicCampaign(slug: string, locale: Locale): Promise<PublicCampaign | null> {
  if (!isCampaignSlug(slug)) return null;
  const campaign = await prisma.campaign.findUnique({
    where: { slug },
    include: { translations: true, organization: { select: { name: true } } },
  });
  if (!campaign || campaign.status === "draft") return null;
  const text = pickTranslation(campaign.translations, locale, campaign.defaultLocale);
  if (!text) return null;
  const state = campaignState(campaign);
  return {
    id: campaign.id,
    slug: campaign.slug,
    state,
    goal: campaign.goal,
    targetName: text.targetName,
    organizationName: campaign.organization.name,
    locale: text.locale,
    title: text.title,
    summary: text.summary,
    context: text.context,
    letter: text.letter,
    sources: text.sources,
  };
}
