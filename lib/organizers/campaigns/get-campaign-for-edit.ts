// A campaign as the edit form needs it: every field in both languages, topics included, so that saving the form
// unchanged changes nothing.
import "server-only";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import { campaignTargets } from "@/lib/campaigns/campaign-targets";
import type { CampaignInput, CampaignTargetInput } from "./campaign-schema";
import type { Scope } from "../scope";

export async function getCampaignForEdit(
  scope: Scope,
  id: string,
): Promise<{ id: string; status: string; input: CampaignInput & { targets: CampaignTargetInput[] } }> {
  const c = await scope.campaign(id);
  const [translations, topics, targets] = await Promise.all([
    db
      .selectFrom("campaign_translation")
      .select(["locale", "title", "summary", "target_name", "context", "letter", "sources"])
      .where("campaign_id", "=", c.id)
      .execute(),
    db
      .selectFrom("campaign_topic as t")
      .select((eb) => [
        "t.key",
        jsonArrayFrom(
          eb
            .selectFrom("campaign_topic_translation as tt")
            .select(["tt.locale", "tt.title", "tt.fact", "tt.ask", "tt.source", "tt.paragraph"])
            .whereRef("tt.topic_id", "=", "t.id"),
        ).as("translations"),
      ])
      .where("t.campaign_id", "=", c.id)
      .orderBy("t.position", "asc")
      .execute(),
    campaignTargets(c.id),
  ]);
  const textFor = (locale: string) => {
    const t = translations.find((x) => x.locale === locale);
    return {
      title: t?.title ?? "",
      summary: t?.summary ?? "",
      targetName: t?.target_name ?? "",
      context: t?.context ?? "",
      letter: t?.letter ?? "",
      sources: t?.sources ?? "",
    };
  };
  const topicText = (
    tr: { locale: string; title: string; fact: string; ask: string; source: string; paragraph: string }[],
    locale: string,
  ) => {
    const t = tr.find((x) => x.locale === locale);
    return {
      title: t?.title ?? "",
      fact: t?.fact ?? "",
      ask: t?.ask ?? "",
      source: t?.source ?? "",
      paragraph: t?.paragraph ?? "",
    };
  };
  const iso = (d: Date | null) => (d ? d.toISOString() : "");
  return {
    id: c.id,
    status: c.status,
    input: {
      slug: c.slug,
      goal: c.goal,
      targetEmail: c.targetEmail,
      senderEmail: c.senderEmail ?? "",
      defaultLocale: c.defaultLocale as "en" | "ko",
      letterDelivery: c.letterDelivery,
      risk: c.risk,
      digestIntervalMinutes: c.digestIntervalMinutes,
      throttlePerMinute: c.throttlePerMinute,
      letterHoldHours: c.letterHoldHours ?? undefined,
      holdUntil: iso(c.holdUntil),
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      texts: { en: textFor("en"), ko: textFor("ko") },
      topics: topics.map((t) => ({
        key: t.key,
        texts: { en: topicText(t.translations, "en"), ko: topicText(t.translations, "ko") },
      })),
      targets: targets.map((t) => {
        const text = (locale: string) => {
          const x = t.texts.find((y) => y.locale === locale);
          return { name: x?.name ?? "", office: x?.office ?? "" };
        };
        return {
          // A target read from the single-target columns is not stored yet: saving adds it.
          id: t.stored ? t.id : undefined,
          email: t.email,
          language: t.language === "ko" ? "ko" : "en",
          plan: t.plan,
          intervalMinutes: t.intervalMinutes,
          texts: { en: text("en"), ko: text("ko") },
        };
      }),
    },
  };
}
