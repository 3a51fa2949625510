// Renders the emails that go to a campaign's target: a letter on its own (compose-letter-delivery.ts: From the
// campaign's sender, Reply-To the writer only if they chose it, subject and body exactly as written), or a digest
// (letters inline, new signers as a CSV attachment, running totals). Every signer and writer is shown as they chose
// (./appear-as.ts), their name isolated (isolate).
import { sql, type NotNull } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { messages as allMessages, translator } from "@/lib/infra/i18n/messages";
import { wordEnding } from "@/lib/infra/i18n/korean-particle";
import { regionName } from "@/lib/infra/geo/regions";
import { isolate, renderBodies, type Block } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";
import { toCsv } from "@/lib/infra/csv";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import type { Appearance } from "@/lib/campaigns/appearance";
import { appearAs, type Person } from "./appear-as";
import { composeLetterDelivery, letterFooterTexts, writerLine } from "./compose-letter-delivery";
import { targetLetterIndividuality } from "./target-letter-individuality";

async function campaignFor(id: string, locale: Locale) {
  // The organization's name in the delivery's language when it has one ("주최: …"), else its own.
  const campaign = await db
    .selectFrom("campaign as c")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select(["c.sender_email as senderEmail", "c.default_locale as defaultLocale"])
    .select(organizationNameIn(locale).as("organizationName"))
    .where("c.id", "=", id)
    .executeTakeFirstOrThrow();
  const translations = await db
    .selectFrom("campaign_translation")
    .select(["locale", "title", "target_name as targetName", "letter"])
    .where("campaign_id", "=", id)
    .execute();
  const text = pickTranslation(translations, locale, campaign.defaultLocale)!;
  return { ...campaign, organization: { name: campaign.organizationName }, text };
}

type LetterForDelivery = {
  message_id: string;
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
  const { rows } = await sql<LetterForDelivery>`
SELECT x.message_id, l.appearance, l.name, l.email, l.city, l.region, l.country, l.subject, l.body, l.language,
       l.reply_consent, l.status::text, c.sender_email, COALESCE(t.title, d.title, '') AS title
  FROM unnest(${wanted.map((m) => m.id)}::uuid[], ${wanted.map((m) => m.letter_id)}::uuid[],
              ${wanted.map((m) => m.locale)}::text[]) AS x(message_id, letter_id, locale)
  JOIN letter l ON l.id = x.letter_id
  JOIN campaign c ON c.id = l.campaign_id
  LEFT JOIN campaign_translation t ON t.campaign_id = c.id AND t.locale = x.locale
  LEFT JOIN campaign_translation d ON d.campaign_id = c.id AND d.locale = c.default_locale`.execute(db);
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
        texts: letterFooterTexts(allMessages[locale]),
      }),
    );
  }
  return rendered;
}

/**
 * A digest's target: its name (and office) in the digest's language, for the greeting, and its id, for the
 * individuality line (null for a target not stored yet: the line then counts the digest's own letters).
 */
export type DigestTarget = { id: string | null; name: string | null };

/** A target by id, named in `locale`; null for a delivery made before targets existed. */
export async function digestTargetOf(targetId: string | null, locale: string): Promise<DigestTarget | null> {
  if (!targetId) return null;
  const texts = await db
    .selectFrom("campaign_target_translation")
    .select(["locale", "name", "office"])
    .where("target_id", "=", targetId)
    .execute();
  const text = pickTranslation(texts, locale, locale);
  return { id: targetId, name: text ? [text.name, text.office].filter(Boolean).join(", ") : null };
}

/** What a digest carries: its signers and letters as they are now (read by digestItemsOf, or by the preview). */
export type DigestItems = {
  signers: { appearance: Appearance; name: string; region: string | null; country: string; confirmed_at: Date }[];
  letters: (Person & { id: string; subject: string; body: string })[];
};

/** What the tick stored with a digest: its period and the campaign's running totals at that moment. */
export type DigestPayload = {
  periodStart: string | null;
  periodEnd?: string;
  signatures?: number;
  letters?: number;
  totals: { confirmed: number; letters: number };
};

export async function renderDigestDelivery(message: OutboxRow): Promise<MailContent | null> {
  if (!message.campaign_id) return null;
  const row = await db.selectFrom("outbox_message").select("target_id").where("id", "=", message.id).executeTakeFirst();
  const target = await digestTargetOf(row?.target_id ?? null, message.locale);
  const items = await digestItemsOf(message.id);
  return composeDigest(message.campaign_id, message.locale, message.payload as DigestPayload, items, target);
}

/**
 * A digest of the given items, as `target` gets it: in the message's language (the target's: the text and the CSV's
 * column names are written in it). The tick's digests and the delivery panel's preview of the next one both come from
 * here, so the preview is the real thing.
 */
export async function composeDigest(
  campaignId: string,
  messageLocale: string,
  payload: DigestPayload,
  { signers, letters }: DigestItems,
  target: DigestTarget | null,
): Promise<MailContent> {
  const locale: Locale = isLocale(messageLocale) ? messageLocale : "en";
  const campaign = await campaignFor(campaignId, locale);
  const t = translator(locale, "delivery");
  const individuality = target ? await targetLetterIndividuality(campaignId, target.id, letters) : null;
  const date = (d: Date) => d.toISOString().slice(0, 10);
  // Signers who asked to be counted only are counted here and listed nowhere.
  const ta = translator(locale, "appearance");
  const listed = signers.flatMap((s) => {
    const shown = appearAs(s);
    if (shown.appearance === "counted") return [];
    const region = shown.appearance === "full" ? (regionName(shown.country, shown.region, locale) ?? "") : "";
    const as = shown.appearance === "full" ? ta("csvFull") : ta("csvInitials");
    return [[shown.name, region, shown.country, date(s.confirmed_at), as]];
  });
  const csv = toCsv([t("csvName"), t("csvRegion"), t("csvCountry"), t("csvDate"), ta("csvShownAs")], listed);
  const counts = { signatures: signers.length, letters: letters.length };
  const countedOnly = signers.length - listed.length;
  const blocks: Block[] = [
    { text: t("digestGreeting", { target: target?.name || campaign.text.targetName }) },
    {
      text: t("digestIntro", {
        campaign: campaign.text.title,
        organization: campaign.organization.name,
        organizationEnding: wordEnding(campaign.organization.name),
      }),
    },
    {
      text: payload.periodStart
        ? t("digestPeriod", { start: date(new Date(payload.periodStart)), ...counts })
        : t("digestFirstPeriod", counts),
    },
    ...(countedOnly ? [{ text: ta("digestCounted", { count: countedOnly }) }] : []),
    { text: t("digestTotals", payload.totals) },
    ...(individuality && individuality.letters > 0 ? [{ text: t("digestIndividuality", { ...individuality }) }] : []),
    { note: t("digestNote") },
    { text: `${t("digestLetterHeading")}\n\n${campaign.text.letter}` },
  ];
  if (letters.length) {
    blocks.push({ text: `${t("digestLettersHeading")}` });
    letters.forEach((letter, i) => {
      blocks.push({
        text: `${t("digestLetterFrom", { n: i + 1, count: letters.length, writer: writerLine(letter, locale, letterFooterTexts(allMessages[locale])) })}\n${t("digestLetterSubject", { subject: letter.subject })}\n\n${letter.body}`,
      });
    });
  }
  return {
    from: campaignSender(campaign.senderEmail),
    subject: t("digestSubject", { campaign: campaign.text.title, ...counts }),
    ...renderBodies(locale, blocks),
    attachments: listed.length
      ? [
          {
            filename: t("csvFileName", { date: date(now()) }),
            // With a byte-order mark, so spreadsheets read the names (Hangul among them) as UTF-8.
            content: `\uFEFF${csv}`,
            contentType: "text/csv; charset=utf-8",
          },
        ]
      : undefined,
  };
}

/** The signers and letters a digest carries (target_signature, target_letter), as they are now: a signer who withdrew
 * since, or whom an organizer struck out, is no longer listed. */
async function digestItemsOf(messageId: string): Promise<DigestItems> {
  const signers = await db
    .selectFrom("signature")
    .innerJoin("target_signature as x", "x.signature_id", "signature.id")
    .select(["appearance", "name", "region", "country", "confirmed_at"])
    .where("x.message_id", "=", messageId)
    .where("status", "=", "confirmed")
    .$narrowType<{ confirmed_at: NotNull }>()
    .orderBy("confirmed_at")
    .orderBy("id")
    .execute();
  const letters = await db
    .selectFrom("letter")
    .innerJoin("target_letter as x", "x.letter_id", "letter.id")
    .select(["letter.id", "appearance", "name", "city", "region", "country", "subject", "body"])
    .where("x.message_id", "=", messageId)
    .where("status", "in", ["queued", "delivered"])
    .orderBy("confirmed_at")
    .orderBy("id")
    .execute();
  return { signers, letters };
}

/**
 * Once a delivery is sent, the letters it carried (to any target: target_letter) are delivered (in the statement that
 * records the sending). Whether each target has its copy, target_letter and its message's status say.
 */
export const markDeliveredSql = `UPDATE letter SET status = 'delivered', delivered_at = now() FROM m JOIN target_letter tl ON tl.message_id = m.id WHERE letter.id = tl.letter_id AND letter.status = 'queued' AND m.status = 'sent'`;
