import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { notFoundMetadata } from "@/lib/infra/i18n/page-title";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { cachedSignerWall } from "@/lib/signer-wall/cached-signer-wall";
import { wallMaxPage } from "@/lib/signer-wall/wall-rule";
import { SignerWallList } from "@/components/signer-wall/signer-wall-list";

type Params = { params: Promise<{ locale: Locale; slug: string }> };
type Search = { searchParams: Promise<{ page?: string | string[] }> };

// The public signer wall: the newest confirmed signers who chose to be shown, as they chose, from the campaign's data
// cache (lib/signer-wall). Kept out of search engines: a name shown here is for the campaign's readers.

function pageOf(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !/^[1-9][0-9]{0,3}$/.test(value)) return null;
  const page = Number(value);
  return page <= wallMaxPage ? page : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await cachedPublicCampaign(slug, locale);
  if (!campaign) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: "signerWall" });
  return { title: t("heading", { campaign: campaign.title }), robots: { index: false, follow: false } };
}

export default async function SignerWallPage({ params, searchParams }: Params & Search) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const page = pageOf((await searchParams).page);
  if (page === null) notFound();
  const [campaign, count, wall] = await Promise.all([
    cachedPublicCampaign(slug, locale),
    cachedSignatureCount(slug),
    cachedSignerWall(slug, page),
  ]);
  if (!campaign || !count || !wall) notFound();
  const t = await getTranslations({ locale, namespace: "signerWall" });
  const base = `/${locale}/c/${campaign.slug}/signers`;

  return (
    <div className="page narrow">
      <p>
        <a href={`/${locale}/c/${campaign.slug}`}>{t("backToCampaign")}</a>
      </p>
      <h1>{t("heading", { campaign: campaign.title })}</h1>
      <p className="lead" data-testid="wall-rule">
        {t("rule")}
      </p>
      <p className="muted">{t("count", { count: count.confirmed })}</p>
      {wall.signers.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <SignerWallList
          locale={locale}
          signers={wall.signers}
          labels={{ list: t("listLabel"), reason: t("reason"), signedOn: (date) => t("signedOn", { date }) }}
        />
      )}
      {(page > 1 || wall.hasMore) && (
        <nav aria-label={t("pagination")} className="admin-actions">
          {page > 1 && (
            <a href={page === 2 ? base : `${base}?page=${page - 1}`} rel="prev">
              {t("newer")}
            </a>
          )}
          <span className="muted">{t("pageLabel", { page })}</span>
          {wall.hasMore && page < wallMaxPage && (
            <a href={`${base}?page=${page + 1}`} rel="next">
              {t("older")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
