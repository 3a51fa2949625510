import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { redirectIfMoved } from "@/lib/campaigns/slug-redirect";
import type { Locale } from "@/lib/infra/i18n/config";
import { notFoundMetadata } from "@/lib/infra/i18n/page-title";
import { CountMeter } from "@/components/campaigns/count-meter";

type Params = { params: Promise<{ locale: Locale; slug: string }> };

// /embed/[locale]/[slug] – a campaign's live count for partner sites to frame (the only page that may be framed:
// lib/infra/security/route-kind.ts, EMBED_FRAME_ANCESTORS). Like the campaign page it is rendered from cached data, and the
// count refreshes from the count endpoint.
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await cachedPublicCampaign(slug, locale);
  return campaign ? { title: campaign.title } : notFoundMetadata(locale);
}

export default async function EmbedPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) {
    await redirectIfMoved(slug, (current) => `/embed/${locale}/${current}`);
    notFound();
  }
  const t = await getTranslations({ locale, namespace: "campaign" });
  return (
    <main className="embed-widget">
      {/* The frame's one heading, so a screen reader can jump to it in the partner's page. */}
      <h1 className="embed-title" lang={campaign.locale}>
        {/* A new tab: the campaign page refuses to be framed, and the reader should see whose site they are on. */}
        <a href={`/${locale}/c/${campaign.slug}?source=embed`} target="_blank" rel="noopener">
          {campaign.title}
        </a>
      </h1>
      <CountMeter locale={locale} slug={campaign.slug} initialCount={count.confirmed} goal={count.goal} />
      {campaign.state === "open" && (
        <p className="embed-sign">
          <a className="button" href={`/${locale}/c/${campaign.slug}?source=embed`} target="_blank" rel="noopener">
            {t("signHeading")}
          </a>
        </p>
      )}
    </main>
  );
}
