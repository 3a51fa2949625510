import { prisma } from "@/lib/infra/db";
import type { Locale } from "@/lib/infra/i18n/config";
import { pickTranslation } from "./pick-translation";

export type CampaignListItem = { slug: string; title: string; summary: string; closed: boolean };

export async function listPublicCampaigns(locale: Locale): Promise<CampaignListItem[]> {
  const campaigns = await prisma.campaign.findMany({
    where: { status: { in: ["open", "closed"] } },
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: {
      slug: true,
      status: true,
      defaultLocale: true,
      translations: { select: { locale: true, title: true, summary: true } },
    },
  });
  return campaigns.flatMap((c) => {
    const text = pickTranslation(c.translations, locale, c.defaultLocale);
    return text ? [{ slug: c.slug, title: text.title, summary: text.summary, closed: c.status === "closed" }] : [];
  });
}
