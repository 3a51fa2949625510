// The email that carries one letter to its target, as one pure function: the delivery (render-delivery-mail.ts) and
// the composer's preview both call it, so the writer sees exactly the From, Reply-To, subject, body and footer the
// target gets. The writer is shown as they chose (./appear-as.ts); their address is the Reply-To only if they ticked
// "Let the recipient's office reply to me", with their name beside it only when they appear with their full name.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/infra/i18n/config";
import type { Appearance } from "@/lib/campaigns/appearance";
import { regionName } from "@/lib/infra/geo/regions";
import { formatPlace } from "@/lib/infra/geo/format-place";
import { isolate, renderBodies } from "@/lib/infra/mail/layout";
import { appearAs, type Person } from "./appear-as";

export type MailAddress = { name: string; address: string };

export type LetterDeliveryInput = {
  letter: {
    appearance: Appearance;
    name: string;
    email: string;
    city: string | null;
    region: string | null;
    country: string;
    subject: string;
    body: string;
    language: string;
    replyConsent: boolean;
  };
  /** The campaign's sender ("Name <address>", campaign-sender.ts) and its title in the message's language. */
  campaign: { sender: string; title: string };
  /** The message's language (the campaign's default): the footer is written in it. */
  locale: Locale;
  /** The footer texts in that language (messages[locale].delivery and .appearance). */
  texts: LetterFooterTexts;
};

export type LetterFooterTexts = {
  letterFooterReplyWriter: string;
  letterFooterReplyOrganizers: string;
  person: string;
  anonymousWriter: string;
};

/** The footer texts a page hands to the composer (a client component) in the delivery's language. */
export function letterFooterTexts(messages: {
  delivery: { letterFooterReplyWriter: string; letterFooterReplyOrganizers: string };
  appearance: { person: string; anonymousWriter: string };
}): LetterFooterTexts {
  const { letterFooterReplyWriter, letterFooterReplyOrganizers } = messages.delivery;
  const { person, anonymousWriter } = messages.appearance;
  return { letterFooterReplyWriter, letterFooterReplyOrganizers, person, anonymousWriter };
}

export type LetterDelivery = {
  from: MailAddress;
  replyTo: MailAddress;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** The delivery of a letter as the shared schema parses it (lib/letters/schema.ts): what the composer previews. */
export function letterDeliveryFor(
  letter: Omit<LetterDeliveryInput["letter"], "region"> & { region?: string | null },
  campaign: { sender: string; title: string; locale: Locale },
  texts: LetterFooterTexts,
): LetterDelivery {
  return composeLetterDelivery({
    letter: { ...letter, region: letter.region ?? null },
    campaign,
    locale: campaign.locale,
    texts,
  });
}

/** "Name <address>" into its parts; a bare address has an empty name. */
export function parseAddress(value: string): MailAddress {
  const match = /^\s*"?(.*?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
  return match ? { name: match[1]!.trim(), address: match[2]! } : { name: "", address: value.trim() };
}

/** How an address reads in the preview, the way mail programs show it. */
export function addressLine(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

export function placeLine(
  locale: string,
  parts: { city?: string | null; region?: string | null; country: string },
): string {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const country = parts.country.trim();
  return formatPlace([parts.city, regionName(country, parts.region, locale), names.of(country) ?? country], locale);
}

/**
 * A writer as the target sees them: "Jane Doe, Seattle, WA, United States", "J. D., United States" or no name, each
 * name isolated (bidi-safe). The letter's footer and the digest's "Letter 1 of 3, from …" both use it.
 */
export function writerLine(
  person: Person,
  locale: string,
  texts: Pick<LetterFooterTexts, "person" | "anonymousWriter">,
): string {
  const t = createTranslator({ locale, messages: { appearance: texts }, namespace: "appearance" });
  const shown = appearAs(person);
  return shown.appearance === "counted"
    ? t("anonymousWriter")
    : t("person", { name: isolate(shown.name), place: isolate(placeLine(locale, shown)) });
}

export function composeLetterDelivery({ letter, campaign, locale, texts }: LetterDeliveryInput): LetterDelivery {
  const t = createTranslator({ locale, messages: { delivery: texts }, namespace: "delivery" });
  const shown = appearAs(letter);
  const values = { writer: writerLine(letter, locale, texts), campaign: campaign.title };
  const footer = letter.replyConsent ? t("letterFooterReplyWriter", values) : t("letterFooterReplyOrganizers", values);
  const sender = parseAddress(campaign.sender);
  const html = renderBodies(letter.language, [
    ...letter.body.split(/\n\s*\n/).map((p) => ({ text: p })),
    { note: footer },
  ]).html;
  return {
    from: sender,
    // Only the name the writer chose to show: with initials or counted only, the address goes alone.
    replyTo: letter.replyConsent
      ? { name: shown.appearance === "full" ? shown.name : "", address: letter.email }
      : sender,
    subject: letter.subject,
    // The plain-text part is the letter exactly as written, then a signature block.
    text: `${letter.body}\n\n-- \n${footer}\n`,
    html,
    headers: { "Content-Language": letter.language },
  };
}
