import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import { messages } from "@/lib/infra/i18n/messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { redirectIfMoved } from "@/lib/campaigns/slug-redirect";
import { notFoundMetadata } from "@/lib/infra/i18n/page-title";
import { countryOptions } from "@/lib/infra/geo/countries";
import { cachedComposerCampaign } from "@/lib/letters/cached-composer-campaign";
import { letterLanguages } from "@/lib/letters/schema";
import { Composer, type LetterTexts } from "@/components/letters/composer";
// The preview shows the footer the delivery adds, in the delivery's language.
import { letterFooterTexts } from "@/lib/delivery/compose-letter-delivery";
import { issueFormToken } from "@/lib/infra/security/form-token";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { previewMetadata } from "@/lib/campaigns/preview-image-path";
import { SharePanel } from "@/components/sharing/share-panel";
import { TargetList, targetPhrase } from "@/components/campaigns/target-list";
import { env } from "@/lib/infra/env";

type Params = { params: Promise<{ locale: Locale; slug: string }> };

// Like the campaign page: rendered per request from cached data (the draft lives in the browser).

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const [campaign, count, t] = await Promise.all([
    cachedPublicCampaign(slug, locale),
    cachedSignatureCount(slug),
    getTranslations({ locale, namespace: "composer" }),
  ]);
  if (!campaign || !count) return notFoundMetadata(locale);
  const path = `/${locale}/c/${campaign.slug}/write`;
  const title = `${t("title")}: ${campaign.title}`;
  return previewMetadata({ locale, path, title, description: campaign.summary, campaign, ...count });
}

export default async function WritePage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const [campaign, count, publicCampaign] = await Promise.all([
    cachedComposerCampaign(slug, locale),
    cachedSignatureCount(slug),
    cachedPublicCampaign(slug, locale),
  ]);
  if (!campaign || !publicCampaign) {
    await redirectIfMoved(slug, (current) => `/${locale}/c/${current}/write`);
    notFound();
  }
  // Everyone the letter goes to, named in the page's language.
  const targets = publicCampaign.targets;
  const addressedTo = targets.length ? targetPhrase(targets, locale) : campaign.targetName;
  const t = await getTranslations({ locale, namespace: "composer" });

  // The letter may be in either language, whatever the pages are in: its fixed parts come in both.
  const letterTexts = {} as LetterTexts;
  const explanations = {} as Record<(typeof letterLanguages)[number], string>;
  for (const lang of letterLanguages) {
    const tl = await getTranslations({ locale: lang, namespace: "composer" });
    const defaults = campaign.letterDefaults[lang] ?? campaign.letterDefaults.en ?? campaign.letterDefaults.ko;
    letterTexts[lang] = {
      subject: defaults?.subject ?? campaign.title,
      greeting: defaults?.greeting ?? tl("letter.greeting", { target: defaults?.targetName ?? campaign.targetName }),
      closing: tl("letter.closing"),
    };
    explanations[lang] = tl("safety.explain");
  }

  return (
    <div className="page composer-page">
      <p className="eyebrow">
        <a href={`/${locale}/c/${campaign.slug}`}>{t("backToCampaign")}</a>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{campaign.title}</p>
      {campaign.state !== "open" ? (
        <p className="notice" role="status">
          {campaign.state === "closed" ? t("closed") : t("notOpenYet")}
        </p>
      ) : (
        <>
          <p>{t("intro", { target: addressedTo })}</p>
          <p className="muted">{t("goesTo")}</p>
          <TargetList targets={targets} label={t("goesTo")} id="composer-targets" />
          <noscript>
            <p className="notice">{t("noscript")}</p>
          </noscript>
          <NextIntlClientProvider
            messages={clientMessages(locale, ["composer", "appearance", "letterErrors", "fieldErrors", "apiErrors"])}
          >
            <Composer
              campaign={{
                slug: campaign.slug,
                targetName: addressedTo,
                topics: campaign.topics,
                delivery: campaign.delivery,
                defaultAppearance: campaign.defaultAppearance,
              }}
              deliveryTexts={letterFooterTexts(messages[campaign.delivery.locale])}
              locale={locale}
              countries={countryOptions(locale)}
              letterTexts={letterTexts}
              explanations={explanations}
              formToken={issueFormToken("letter")}
              thanks={
                <SharePanel
                  locale={locale}
                  slug={campaign.slug}
                  title={campaign.title}
                  after="letter"
                  count={count ? { confirmed: count.confirmed, goal: count.goal } : undefined}
                />
              }
              draftDays={env.LETTER_DRAFT_DAYS}
            />
          </NextIntlClientProvider>
        </>
      )}
    </div>
  );
}
