import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { notFoundMetadata } from "@/lib/infra/i18n/page-title";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { Paragraphs } from "@/components/campaigns/paragraphs";
import { CountMeter } from "@/components/campaigns/count-meter";
import { SignForm } from "@/components/signatures/sign-form";
import { countryOptions } from "@/lib/infra/geo/countries";
import { issueFormToken } from "@/lib/infra/security/form-token";
import { signAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; slug: string }> };

// Rendered per request for its CSP nonce, from cached data (no database query per view); the count refreshes in
// the browser.

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await cachedPublicCampaign(slug, locale);
  return campaign ? { title: campaign.title, description: campaign.summary } : notFoundMetadata(locale);
}

export default async function CampaignPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) notFound();
  const t = await getTranslations({ locale, namespace: "campaign" });
  const tl = await getTranslations({ locale, namespace: "composer" });

  return (
    <article className="campaign" lang={campaign.locale}>
      <header className="campaign-header">
        <p className="eyebrow">{t("from", { organization: campaign.organizationName })}</p>
        <h1>{campaign.title}</h1>
        <p className="lead">{campaign.summary}</p>
      </header>

      <div className="campaign-grid">
        <div className="campaign-text">
          <section aria-labelledby="letter-heading" className="letter">
            <h2 id="letter-heading">{t("openLetter")}</h2>
            <p className="letter-to">
              <span className="muted">{t("to")}:</span> {campaign.targetName}
            </p>
            <Paragraphs text={campaign.letter} />
          </section>

          <section aria-labelledby="context-heading">
            <h2 id="context-heading">{t("context")}</h2>
            <Paragraphs text={campaign.context} />
          </section>

          {campaign.sources && (
            <section aria-labelledby="sources-heading" className="sources">
              <h2 id="sources-heading">{t("sources")}</h2>
              <ul>
                {campaign.sources
                  .split("\n")
                  .filter(Boolean)
                  .map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
              </ul>
            </section>
          )}
        </div>

        <NextIntlClientProvider messages={clientMessages(locale, ["campaign", "signForm", "fieldErrors", "apiErrors"])}>
          <aside className="campaign-side" aria-labelledby="sign-heading">
            <CountMeter slug={campaign.slug} initialCount={count.confirmed} goal={count.goal} />
            <h2 id="sign-heading">{t("signHeading")}</h2>
            {campaign.state === "open" ? (
              <>
                <p className="muted">{t("signIntro")}</p>
                <SignForm
                  action={signAction.bind(null, campaign.slug)}
                  locale={locale}
                  countries={countryOptions(locale)}
                  formToken={issueFormToken("sign")}
                  slug={campaign.slug}
                />
                <div className="write-own">
                  <Link className="button button-secondary" href={`/${locale}/c/${campaign.slug}/write`}>
                    {tl("writeOwn")}
                  </Link>
                  <p className="hint">{tl("writeOwnHint")}</p>
                </div>
              </>
            ) : (
              <p className="notice" role="status">
                {campaign.state === "closed" ? t("closed") : t("notOpenYet")}
              </p>
            )}
          </aside>
        </NextIntlClientProvider>
      </div>
    </article>
  );
}
