import { render } from "@testing-library/react";
import { vi } from "vitest";
import { NextIntlClientProvider } from "next-intl";
import { Composer, type SubmitLetter } from "@/components/letters/composer";
import { letterFooterTexts } from "@/lib/delivery/compose-letter-delivery";
import { countryOptions } from "@/lib/infra/geo/countries";
import { messages } from "@/lib/infra/i18n/messages";
import { flagshipCampaign } from "@/prisma/seed-data/flagship";

export const slug = "human-rights-on-the-agenda";

export const topics = flagshipCampaign.topics.map((t) => ({
  key: t.key,
  title: t.texts.en.title,
  fact: t.texts.en.fact,
  ask: t.texts.en.ask,
  source: t.texts.en.source,
  paragraphs: { en: t.texts.en.paragraph, ko: t.texts.ko.paragraph },
}));

const topicsKo = flagshipCampaign.topics.map((t) => ({
  key: t.key,
  title: t.texts.ko.title,
  fact: t.texts.ko.fact,
  ask: t.texts.ko.ask,
  source: t.texts.ko.source,
  paragraphs: { en: t.texts.en.paragraph, ko: t.texts.ko.paragraph },
}));

/** The composer as the write page renders it, for the flagship campaign. */
export function composerElement(
  locale: "en" | "ko" = "en",
  submit: SubmitLetter = vi.fn(async () => ({ ok: true as const })),
) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <Composer
        campaign={{
          slug,
          targetName: flagshipCampaign.targetName[locale],
          topics: locale === "ko" ? topicsKo : topics,
          delivery,
          defaultAppearance: "initials", // the flagship is at risk
        }}
        deliveryTexts={letterFooterTexts(messages.en)}
        locale={locale}
        countries={countryOptions(locale)}
        letterTexts={{
          en: {
            subject: flagshipCampaign.texts.en.title,
            greeting: "Dear Mr. President,",
            closing: messages.en.composer.letter.closing,
          },
          ko: {
            subject: flagshipCampaign.texts.ko.title,
            greeting: "대통령님께",
            closing: messages.ko.composer.letter.closing,
          },
        }}
        explanations={{ en: messages.en.composer.safety.explain, ko: messages.ko.composer.safety.explain }}
        formToken="form-token"
        draftDays={7}
        submit={submit}
      />
    </NextIntlClientProvider>
  );
}

export function renderComposer(
  locale: "en" | "ko" = "en",
  submit: SubmitLetter = vi.fn(async () => ({ ok: true as const })),
) {
  const utils = render(composerElement(locale, submit));
  return { ...utils, submit };
}

/** The delivery as an English-language campaign sends it (the preview shows it). */
export const delivery = {
  sender: "Human Rights Now <letters@hrn.example>",
  title: flagshipCampaign.texts.en.title,
  locale: "en" as const,
};

export const storageKey = `open-letters:letter-draft:${slug}`;
