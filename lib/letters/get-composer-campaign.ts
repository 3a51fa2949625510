// What the letter composer needs: the campaign's texts in the reader's language, and each topic's texts in
// the reader's language plus its paragraph in every language (a letter may be written in either).
import "server-only";
import { prisma } from "@/lib/infra/db";
import { campaignState } from "@/lib/campaigns/campaign-state";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import type { Locale } from "@/lib/infra/i18n/config";
import { greetingFrom } from "./assemble-letter";
import type { LetterLanguage } from "./schema";

export type ComposerTopic = {
  key: string;
  title: string;
  fact: string;
  ask: string;
  source: string;
  paragraphs: Partial<Record<LetterLanguage, string>>;
};

export type ComposerCampaign = {
  slug: string;
  state: "open" | "closed" | "not_open_yet";
  title: string;
  targetName: string;
  /** Per letter language: the default subject and greeting. */
  letterDefaults: Partial<Record<LetterLanguage, { subject: string; greeting: string | null; targetName: string }>>;
  topics: ComposerTopic[];
};

export async function getComposerCampaign(slug: string, locale: Locale): Promise<ComposerCampaign | null> {
  if (!isCampaignSlug(slug)) return null;
  const campaign = await prisma.campaign.findUnique({
    where: { slug },
    include: { translations: true, topics: { include: { translations: true }, orderBy: { position: "asc" } } },
  });
  if (!campaign || campaign.status === "draft") return null;
  const pick = <T extends { locale: string }>(list: T[]) => pickTranslation(list, locale, campaign.defaultLocale);
  const text = pick(campaign.translations);
  if (!text) return null;
  const state = campaignState(campaign);
  const letterDefaults: ComposerCampaign["letterDefaults"] = {};
  for (const t of campaign.translations) {
    if (t.locale === "en" || t.locale === "ko")
      letterDefaults[t.locale] = {
        subject: t.title,
        greeting: greetingFrom(t.letter, "") || null,
        targetName: t.targetName,
      };
  }
  return {
    slug: campaign.slug,
    state,
    title: text.title,
    targetName: text.targetName,
    letterDefaults,
    topics: campaign.topics.flatMap((topic) => {
      const own = pick(topic.translations);
      if (!own) return [];
      const paragraphs: ComposerTopic["paragraphs"] = {};
      for (const t of topic.translations)
        if (t.locale === "en" || t.locale === "ko") paragraphs[t.locale] = t.paragraph;
      return [{ key: topic.key, title: own.title, fact: own.fact, ask: own.ask, source: own.source, paragraphs }];
    }),
  };
}
