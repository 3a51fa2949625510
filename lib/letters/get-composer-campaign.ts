// What the letter composer needs: the campaign's texts in the reader's language, and each topic's texts in
// the reader's language plus its paragraph in every language (a letter may be written in either).
import "server-only";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import { campaignState } from "@/lib/campaigns/campaign-state";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { defaultAppearance, type Appearance } from "@/lib/campaigns/appearance";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
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
  /** What the delivered letter's envelope says (compose-letter-delivery.ts): the campaign's sender address, and its
   *  title in the language the delivery is written in (the campaign's default). */
  delivery: { sender: string; title: string; locale: Locale };
  /** The pre-selected "how I appear to the target", from the campaign's risk setting. */
  defaultAppearance: Appearance;
};

export async function getComposerCampaign(slug: string, locale: Locale): Promise<ComposerCampaign | null> {
  if (!isCampaignSlug(slug)) return null;
  const campaign = await db
    .selectFrom("campaign as c")
    .select((eb) => [
      "c.slug",
      "c.status",
      "c.default_locale",
      "c.opens_at",
      "c.closes_at",
      "c.sender_email",
      "c.risk",
      jsonArrayFrom(
        eb
          .selectFrom("campaign_translation as t")
          .select(["t.locale", "t.title", "t.target_name", "t.letter"])
          .whereRef("t.campaign_id", "=", "c.id"),
      ).as("translations"),
      jsonArrayFrom(
        eb
          .selectFrom("campaign_topic as topic")
          .select((topic) => [
            "topic.key",
            jsonArrayFrom(
              topic
                .selectFrom("campaign_topic_translation as tt")
                .select(["tt.locale", "tt.title", "tt.fact", "tt.ask", "tt.source", "tt.paragraph"])
                .whereRef("tt.topic_id", "=", "topic.id"),
            ).as("translations"),
          ])
          .whereRef("topic.campaign_id", "=", "c.id")
          .orderBy("topic.position", "asc"),
      ).as("topics"),
    ])
    .where("c.slug", "=", slug)
    .executeTakeFirst();
  if (!campaign || campaign.status === "draft") return null;
  const pick = <T extends { locale: string }>(list: T[]) => pickTranslation(list, locale, campaign.default_locale);
  const text = pick(campaign.translations);
  if (!text) return null;
  const state = campaignState({ status: campaign.status, opensAt: campaign.opens_at, closesAt: campaign.closes_at });
  const letterDefaults: ComposerCampaign["letterDefaults"] = {};
  for (const t of campaign.translations) {
    if (t.locale === "en" || t.locale === "ko")
      letterDefaults[t.locale] = {
        subject: t.title,
        greeting: greetingFrom(t.letter, "") || null,
        targetName: t.target_name,
      };
  }
  const deliveryLocale: Locale = isLocale(campaign.default_locale) ? campaign.default_locale : "en";
  const deliveryText = campaign.translations.find((t) => t.locale === campaign.default_locale);
  return {
    slug: campaign.slug,
    state,
    delivery: {
      sender: campaignSender(campaign.sender_email),
      title: deliveryText?.title ?? "",
      locale: deliveryLocale,
    },
    title: text.title,
    targetName: text.target_name,
    letterDefaults,
    defaultAppearance: defaultAppearance(campaign.risk),
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
