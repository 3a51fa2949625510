// Renders the emails that go to a campaign's target: a letter on its own (compose-letter-delivery.ts: From the
// campaign's sender, Reply-To the writer only if they chose it, subject and body exactly as written), or a digest
// (letters inline, new signers as a CSV attachment, running totals).
import { prisma, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { messages as allMessages, translator } from "@/lib/infra/i18n/messages";
import { regionName } from "@/lib/infra/geo/regions";
import { renderBodies, type Block } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";
import { toCsv } from "@/lib/infra/csv";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
import { composeLetterDelivery } from "./compose-letter-delivery";

const countryNames = new Map<string, Intl.DisplayNames>();

function place(locale: Locale, parts: { city?: string | null; region?: string | null; country: string }): string {
  let names = countryNames.get(locale);
  if (!names) countryNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" })));
  const countryName = names.of(parts.country.trim()) ?? parts.country;
  return [parts.city, regionName(parts.country.trim(), parts.region, locale), countryName].filter(Boolean).join(", ");
}

async function campaignFor(id: string, locale: Locale) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id },
    select: { senderEmail: true, defaultLocale: true, organization: { select: { name: true } }, translations: true },
  });
  const text = pickTranslation(campaign.translations, locale, campaign.defaultLocale)!;
  return { ...campaign, text };
}

type LetterForDelivery = {
  message_id: string;
  name: string;
  email: string | null;
  city: string | null;
  region: string | null;
  country: string;
  subject: string;
  body: string;
  language: string;
  reply_consent: boolean;
  status: string;
  sender_email: string | null;
  title: string;
};

export async function renderLetterDelivery(message: OutboxRow): Promise<MailContent | null> {
  return (await renderLetterDeliveries([message])).get(message.id) ?? null;
}

/** Renders a batch of letter deliveries from one query: each letter, its campaign's sender and title in the message's language. */
export async function renderLetterDeliveries(messages: OutboxRow[]): Promise<Map<string, MailContent | null>> {
  const rendered = new Map<string, MailContent | null>(messages.map((m) => [m.id, null]));
  const wanted = messages.filter((m) => m.letter_id && m.campaign_id);
  if (wanted.length === 0) return rendered;
  const { rows } = await pool.query<LetterForDelivery>(
    `SELECT x.message_id, l.name, l.email, l.city, l.region, l.country, l.subject, l.body, l.language, l.reply_consent,
            l.status::text, c.sender_email, COALESCE(t.title, d.title, '') AS title
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(message_id, letter_id, locale)
       JOIN letter l ON l.id = x.letter_id
       JOIN campaign c ON c.id = l.campaign_id
       LEFT JOIN campaign_translation t ON t.campaign_id = c.id AND t.locale = x.locale
       LEFT JOIN campaign_translation d ON d.campaign_id = c.id AND d.locale = c.default_locale`,
    [wanted.map((m) => m.id), wanted.map((m) => m.letter_id), wanted.map((m) => m.locale)],
  );
  const locales = new Map(wanted.map((m) => [m.id, m.locale]));
  for (const letter of rows) {
    if (!letter.email || letter.status === "withdrawn" || letter.status === "rejected") continue;
    const messageLocale = locales.get(letter.message_id)!;
    const locale: Locale = isLocale(messageLocale) ? messageLocale : "en";
    rendered.set(
      letter.message_id,
      composeLetterDelivery({
        letter: { ...letter, email: letter.email, replyConsent: letter.reply_consent },
        campaign: { sender: campaignSender(letter.sender_email), title: letter.title },
        locale,
        texts: allMessages[locale].delivery,
      }),
    );
  }
  return rendered;
}

export async function renderDigestDelivery(message: OutboxRow): Promise<MailContent | null> {
  if (!message.campaign_id) return null;
  const locale: Locale = isLocale(message.locale) ? message.locale : "en";
  const campaign = await campaignFor(message.campaign_id, locale);
  const t = translator(locale, "delivery");
  const payload = message.payload as { periodStart: string | null; totals: { confirmed: number; letters: number } };

  // What this digest carries, as it is now: a signer who withdrew since, or whom an organizer struck out, is no
  // longer listed.
  const { rows: signers } = await pool.query<{
    name: string;
    region: string | null;
    country: string;
    confirmed_at: Date;
  }>(
    `SELECT name, region, country, confirmed_at FROM signature WHERE delivery_message_id = $1 AND status = 'confirmed' ORDER BY confirmed_at, id`,
    [message.id],
  );
  const letters = await prisma.letter.findMany({
    where: { deliveryMessageId: message.id, status: { in: ["queued", "delivered"] } },
    orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
  });

  const date = (d: Date) => d.toISOString().slice(0, 10);
  const csv = toCsv(
    [t("csvName"), t("csvRegion"), t("csvCountry"), t("csvDate")],
    signers.map((s) => [
      s.name,
      regionName(s.country.trim(), s.region, locale) ?? "",
      s.country.trim(),
      date(s.confirmed_at),
    ]),
  );
  const counts = { signatures: signers.length, letters: letters.length };
  const blocks: Block[] = [
    { text: t("digestGreeting", { target: campaign.text.targetName }) },
    { text: t("digestIntro", { campaign: campaign.text.title, organization: campaign.organization.name }) },
    {
      text: payload.periodStart
        ? t("digestPeriod", { start: date(new Date(payload.periodStart)), ...counts })
        : t("digestFirstPeriod", counts),
    },
    { text: t("digestTotals", payload.totals) },
    { note: t("digestNote") },
    { text: `${t("digestLetterHeading")}\n\n${campaign.text.letter}` },
  ];
  if (letters.length) {
    blocks.push({ text: `${t("digestLettersHeading")}` });
    letters.forEach((letter, i) => {
      blocks.push({
        text: `${t("digestLetterFrom", { n: i + 1, count: letters.length, name: letter.name, place: place(locale, letter) })}\n${t("digestLetterSubject", { subject: letter.subject })}\n\n${letter.body}`,
      });
    });
  }
  return {
    from: campaignSender(campaign.senderEmail),
    subject: t("digestSubject", { campaign: campaign.text.title, ...counts }),
    ...renderBodies(locale, blocks),
    attachments: signers.length
      ? [
          {
            filename: t("csvFileName", { date: date(new Date()) }),
            content: csv,
            contentType: "text/csv; charset=utf-8",
          },
        ]
      : undefined,
  };
}

/** Once a delivery is sent, the letters it carried are delivered (in the statement that records the sending). */
export const markDeliveredSql = `UPDATE letter SET status = 'delivered', delivered_at = now() FROM m WHERE letter.delivery_message_id = m.id AND letter.status = 'queued' AND m.status = 'sent'`;
