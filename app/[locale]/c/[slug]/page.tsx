import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { notFoundMetadata } from "@/lib/infra/i18n/page-title";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { redirectIfMoved } from "@/lib/campaigns/slug-redirect";
import { Paragraphs } from "@/components/campaigns/paragraphs";
import { LinkedText } from "@/components/campaigns/linked-text";
import { CountMeter } from "@/components/campaigns/count-meter";
import { TargetList } from "@/components/campaigns/target-list";
import { SignForm } from "@/components/signatures/sign-form";
import { SharePanel } from "@/components/sharing/share-panel";
import { sourceCode } from "@/lib/campaigns/source-code";
import { previewMetadata } from "@/lib/campaigns/preview-image-path";
import { countryOptions } from "@/lib/infra/geo/countries";
import { issueFormToken } from "@/lib/infra/security/form-token";
import { env } from "@/lib/infra/env";
import { cachedCampaignRead } from "@/lib/campaigns/cached-campaign-reads";
import { getPublicTimeline } from "@/lib/timeline/get-timeline";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { DeadlineCountdown } from "@/components/timeline/deadline-countdown";
import { commentText } from "@/lib/signatures/comment-text";
import { signAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; slug: string }> };
type Search = { searchParams: Promise<{ source?: string | string[] }> };

// Rendered per request for its CSP nonce, from cached data (no database query per view); the count refreshes in
// the browser.

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) return notFoundMetadata(locale);
  const path = `/${locale}/c/${campaign.slug}`;
  return previewMetadata({ locale, path, title: campaign.title, description: campaign.summary, campaign, ...count });
}

export default async function CampaignPage({ params, searchParams }: Params & Search) {
  const { locale, slug } = await params;
  const source = sourceCode((await searchParams).source);
  setRequestLocale(locale);
  const [campaign, count, timeline] = await Promise.all([
    cachedPublicCampaign(slug, locale),
    cachedSignatureCount(slug),
    cachedCampaignRead("public-timeline", slug, locale, () => getPublicTimeline(slug, locale)),
  ]);
  if (!campaign || !count) {
    // An earlier address of a campaign whose slug changed: the shared links keep working.
    await redirectIfMoved(slug, (current) => `/${locale}/c/${current}${source ? `?source=${source}` : ""}`);
    notFound();
  }
  const t = await getTranslations({ locale, namespace: "campaign" });
  const tl = await getTranslations({ locale, namespace: "composer" });
  const tr = await getTranslations({ locale, namespace: "campaignReach" });
  const tw = await getTranslations({ locale, namespace: "signerWall" });

  return (
    <article className="campaign" lang={campaign.locale}>
      <header className="campaign-header">
        <p className="eyebrow">{t("from", { organization: campaign.organizationName })}</p>
        <h1>{campaign.title}</h1>
        <p className="lead">{campaign.summary}</p>
        {timeline?.deadline && <DeadlineCountdown locale={locale} deadline={timeline.deadline} />}
        {campaign.state === "open" && (
          <p className="cosign-jump">
            <a className="button" href="#sign">
              {tr("cosignJump")}
            </a>
          </p>
        )}
      </header>

      <div className="campaign-grid">
        <div className="campaign-text">
          <section aria-labelledby="letter-heading" className="letter">
            <h2 id="letter-heading">{t("openLetter")}</h2>
            <div className="letter-to">
              <span className="muted">{t("to")}:</span>
              <TargetList targets={campaign.targets} label={t("targetsLabel")} id="campaign-targets" />
            </div>
            <Paragraphs text={campaign.letter} />
          </section>

          <section aria-labelledby="context-heading">
            <h2 id="context-heading">{t("context")}</h2>
            <Paragraphs text={campaign.context} />
          </section>

          {timeline && <TimelineSection events={timeline.events} locale={locale} />}

          {campaign.sources && (
            <section aria-labelledby="sources-heading" className="sources">
              <h2 id="sources-heading">{t("sources")}</h2>
              <ul>
                {campaign.sources
                  .split("\n")
                  .filter(Boolean)
                  .map((line, i) => (
                    <li key={i}>
                      <LinkedText text={line} />
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </div>

        <NextIntlClientProvider
          messages={clientMessages(locale, ["signForm", "appearance", "fieldErrors", "apiErrors"])}
        >
          <aside className="campaign-side" id="sign" aria-labelledby="sign-heading">
            <CountMeter locale={locale} slug={campaign.slug} initialCount={count.confirmed} goal={count.goal} />
            <p className="signer-wall-link">
              <a href={`/${locale}/c/${campaign.slug}/signers`}>{tw("link")}</a>{" "}
              <span className="hint">{tw("linkHint")}</span>
            </p>
            <h2 id="sign-heading">{t("signHeading")}</h2>
            {campaign.state === "open" ? (
              <>
                <p className="muted">{t("signIntro")}</p>
                <p className="muted" id="sign-targets-heading">
                  {t("signGoesTo")}
                </p>
                <TargetList targets={campaign.targets} label={t("signGoesTo")} id="sign-targets" />
                <SignForm
                  action={signAction.bind(null, campaign.slug)}
                  locale={locale}
                  countries={countryOptions(locale)}
                  formToken={issueFormToken("sign")}
                  defaultAppearance={campaign.defaultAppearance}
                  source={source}
                  thanks={
                    <SharePanel
                      locale={locale}
                      slug={campaign.slug}
                      title={campaign.title}
                      after="signed"
                      count={{ confirmed: count.confirmed, goal: count.goal }}
                      headingLevel={3}
                    />
                  }
                  minSeconds={env.SIGN_MIN_SECONDS}
                  slug={campaign.slug}
                  commentText={commentText(locale)}
                />
                <div className="write-own">
                  <a
                    className="button button-secondary"
                    href={`/${locale}/c/${campaign.slug}/write${source ? `?source=${source}` : ""}`}
                  >
                    {tl("writeOwn")}
                  </a>
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
