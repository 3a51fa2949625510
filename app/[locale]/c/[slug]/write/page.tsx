import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import { messages } from "@/lib/infra/i18n/messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { countryOptions } from "@/lib/infra/geo/countries";
import { cachedComposerCampaign } from "@/lib/letters/cached-composer-campaign";
import { letterLanguages } from "@/lib/letters/schema";
import { Composer, type LetterTexts } from "@/components/letters/composer";
import { issueFormToken } from "@/lib/infra/security/form-token";

type Params = { params: Promise<{ locale: Locale; slug: string }> };

// Like the campaign page: rendered per request from cached data (the draft lives in the browser).

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const [campaign, t] = await Promise.all([
    cachedComposerCampaign(slug, locale),
    getTranslations({ locale, namespace: "composer" }),
  ]);
  return campaign ? { title: `${t("title")}: ${campaign.title}` } : {};
}

export default async function WritePage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await cachedComposerCampaign(slug, locale);
  if (!campaign) notFound();
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

  // The preview shows the footer the delivery adds, in the delivery's language (compose-letter-delivery.ts).
  const { letterFooterReplyWriter, letterFooterReplyOrganizers } = messages[campaign.delivery.locale].delivery;

  return (
    <div className="page composer-page">
      <p className="eyebrow">
        <Link href={`/${locale}/c/${campaign.slug}`}>{t("backToCampaign")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{campaign.title}</p>
      {campaign.state !== "open" ? (
        <p className="notice" role="status">
          {campaign.state === "closed" ? t("closed") : t("notOpenYet")}
        </p>
      ) : (
        <>
          <p>{t("intro", { target: campaign.targetName })}</p>
          <noscript>
            <p className="notice">{t("noscript")}</p>
          </noscript>
          <NextIntlClientProvider
            messages={clientMessages(locale, ["composer", "letterErrors", "fieldErrors", "apiErrors"])}
          >
            <Composer
              campaign={{
                slug: campaign.slug,
                targetName: campaign.targetName,
                topics: campaign.topics,
                delivery: campaign.delivery,
              }}
              deliveryTexts={{ letterFooterReplyWriter, letterFooterReplyOrganizers }}
              locale={locale}
              countries={countryOptions(locale)}
              letterTexts={letterTexts}
              explanations={explanations}
              formToken={issueFormToken("letter")}
            />
          </NextIntlClientProvider>
        </>
      )}
    </div>
  );
}
