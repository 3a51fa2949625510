// A campaign as the edit form needs it: every field in both languages, topics included.
import "server-only";
import { prisma } from "@/lib/infra/db";
import type { CampaignInput } from "./campaign-schema";
import type { Scope } from "../scope";

export async function getCampaignForEdit(
  scope: Scope,
  id: string,
): Promise<{ id: string; status: string; input: CampaignInput }> {
  const c = await scope.campaign(id);
  const [translations, topics] = await Promise.all([
    prisma.campaignTranslation.findMany({ where: { campaignId: c.id } }),
    prisma.campaignTopic.findMany({
      where: { campaignId: c.id },
      orderBy: { position: "asc" },
      include: { translations: true },
    }),
  ]);
  const textFor = (locale: string) => {
    const t = translations.find((x) => x.locale === locale);
    return {
      title: t?.title ?? "",
      summary: t?.summary ?? "",
      targetName: t?.targetName ?? "",
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
      digestIntervalMinutes: c.digestIntervalMinutes,
      throttlePerMinute: c.throttlePerMinute,
      holdUntil: iso(c.holdUntil),
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      texts: { en: textFor("en"), ko: textFor("ko") },
      topics: topics.map((t) => ({
        key: t.key,
        texts: { en: topicText(t.translations, "en"), ko: topicText(t.translations, "ko") },
      })),
    },
  };
}
