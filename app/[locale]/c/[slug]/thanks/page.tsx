import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { redirectIfMoved } from "@/lib/campaigns/slug-redirect";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { CountMeter } from "@/components/campaigns/count-meter";
import { SharePanel } from "@/components/sharing/share-panel";
import { previewMetadata } from "@/lib/campaigns/preview-image-path";

type Props = {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
};

// Where confirming a signature or a letter leads (their actions redirect here): the thanks, the live count and the
// share step, on a public address that holds no token, so it is safe to share or reload.

const afters = ["confirmed", "letter", "letter-signed"] as const;
type After = (typeof afters)[number];
const afterOf = (value: unknown): After | null =>
  (afters as readonly unknown[]).includes(value) ? (value as After) : null;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) return {};
  const t = await getTranslations({ locale, namespace: "thanks" });
  // Shared from here, the link is the campaign's own: its page is what a friend should open.
  const path = `/${locale}/c/${campaign.slug}`;
  const title = t("metaTitle", { title: campaign.title });
  return {
    ...previewMetadata({ locale, path, title, description: campaign.summary, campaign, ...count }),
    robots: { index: false },
  };
}

export default async function ThanksPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const after = afterOf((await searchParams).after);
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) {
    await redirectIfMoved(slug, (current) => `/${locale}/c/${current}`);
    notFound();
  }
  const t = await getTranslations({ locale, namespace: "thanks" });
  const tc = await getTranslations({ locale, namespace: "confirm" });
  const tl = await getTranslations({ locale, namespace: "letterConfirm" });
  const done =
    after === "confirmed"
      ? tc("done")
      : after === "letter"
        ? tl("done")
        : after === "letter-signed"
          ? tl("doneSigned")
          : null;

  return (
    <div className="page narrow thanks" lang={campaign.locale}>
      <p className="eyebrow">
        <a href={`/${locale}/c/${campaign.slug}`}>{campaign.title}</a>
      </p>
      <h1>{t("title")}</h1>
      {done && (
        <p className="result" role="status" data-testid="action-result">
          {done}
        </p>
      )}
      <CountMeter locale={locale} slug={campaign.slug} initialCount={count.confirmed} goal={count.goal} />
      <SharePanel
        locale={locale}
        slug={campaign.slug}
        title={campaign.title}
        after={after === "letter" || after === "letter-signed" ? "letter" : "signed"}
      />
      <p>
        <a href={`/${locale}/c/${campaign.slug}`}>{t("back")}</a>
      </p>
    </div>
  );
}
