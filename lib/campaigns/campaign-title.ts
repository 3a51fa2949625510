import { prisma } from "@/lib/infra/db";
import { pickTranslation } from "./pick-translation";

/** A campaign's title in the reader's language (or its default language), for headings. */
export async function campaignTitle(
  campaign: { id: string; slug: string; defaultLocale: string },
  locale: string,
): Promise<string> {
  const texts = await prisma.campaignTranslation.findMany({
    where: { campaignId: campaign.id },
    select: { locale: true, title: true },
  });
  return pickTranslation(texts, locale, campaign.defaultLocale)?.title ?? campaign.slug;
}
