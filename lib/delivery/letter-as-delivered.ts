// A letter as the email that will carry it to the target, before it leaves: the writer's confirmation email copies
// this (lib/letters/render-letter-mail.ts, handed it by lib/worker/mail-kinds.ts), so the copy shows the same From,
// Reply-To, subject, body and signed footer the target gets, the writer shown as they chose, never more.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { messages as allMessages } from "@/lib/infra/i18n/messages";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
import type { Appearance } from "@/lib/campaigns/appearance";
import { addressLine, composeLetterDelivery, letterFooterTexts } from "./compose-letter-delivery";

/** The delivered email as text: its address lines, subject and plain-text body. */
export type LetterCopy = { from: string; replyTo: string; subject: string; text: string };

/** How the letter with this id would be delivered now (in the campaign's language, as deliveries are); null if gone. */
export async function letterAsDelivered(letterId: string): Promise<LetterCopy | null> {
  const { rows } = await sql<{
    appearance: Appearance;
    name: string;
    email: string | null;
    city: string | null;
    region: string | null;
    country: string;
    subject: string;
    body: string;
    language: string;
    reply_consent: boolean;
    sender_email: string | null;
    default_locale: string;
    title: string;
  }>`
SELECT l.appearance, l.name, l.email, l.city, l.region, l.country, l.subject, l.body, l.language, l.reply_consent,
       c.sender_email, c.default_locale, COALESCE(d.title, '') AS title
  FROM letter l
  JOIN campaign c ON c.id = l.campaign_id
  LEFT JOIN campaign_translation d ON d.campaign_id = c.id AND d.locale = c.default_locale
 WHERE l.id = ${letterId}::uuid`.execute(db);
  const letter = rows[0];
  if (!letter?.email) return null;
  const locale: Locale = isLocale(letter.default_locale) ? letter.default_locale : "en";
  const delivery = composeLetterDelivery({
    letter: { ...letter, email: letter.email, replyConsent: letter.reply_consent },
    campaign: { sender: campaignSender(letter.sender_email), title: letter.title },
    locale,
    texts: letterFooterTexts(allMessages[locale]),
  });
  return {
    from: addressLine(delivery.from),
    replyTo: addressLine(delivery.replyTo),
    subject: delivery.subject,
    text: delivery.text,
  };
}
