// Renders milestone and update emails at send time, in the recipient's language: an organizer's update in the
// translation for that language (else the campaign's default), a milestone from the campaign's count. Every one
// carries List-Unsubscribe and List-Unsubscribe-Post (RFC 2369, RFC 8058) and the same link in its text.
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { wordEnding } from "@/lib/infra/i18n/korean-particle";
import { renderBodies, type Block } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { campaignLink } from "@/lib/campaigns/share-links";
import { sql } from "kysely";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-link";

type CampaignFacts = {
  slug: string;
  title: string;
  targetName: string;
  organizationName: string;
  confirmed: number;
  goal: number;
};

async function campaignFacts(campaignId: string, locale: Locale): Promise<CampaignFacts | null> {
  const row = await db
    .selectFrom("campaign as c")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select((eb) => [
      "c.slug",
      "c.goal",
      "c.default_locale",
      organizationNameIn(locale).as("organization_name"),
      campaignTitles(eb.ref("c.id")).as("titles"),
      sql<number>`COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = c.id), 0)::int`.as(
        "confirmed",
      ),
    ])
    .where("c.id", "=", campaignId)
    .executeTakeFirst();
  if (!row) return null;
  const text = pickTranslation(row.titles, locale, row.default_locale);
  return {
    slug: row.slug,
    title: text?.title ?? row.slug,
    targetName: text?.target_name ?? "",
    organizationName: row.organization_name,
    confirmed: row.confirmed,
    goal: row.goal,
  };
}

/** The paragraphs of an organizer's text: blank lines separate them. */
function paragraphs(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) => ({ text }));
}

/** What an update says in one language: the organizer's subject and text. */
export type UpdateText = { subject: string; body: string };

/** The email for one recipient; `outboxId` names the message the unsubscribe link points back to. */
export function composeUpdateMail(
  locale: Locale,
  facts: CampaignFacts,
  content: { subject: string; blocks: Block[] },
  outboxId: string,
  test = false,
): MailContent {
  const t = translator(locale, "updates");
  const tm = translator(locale, "email");
  const unsubscribe = unsubscribeUrl(outboxId);
  const blocks: Block[] = [
    ...(test ? [{ note: t("mail.testNote") }] : []),
    { text: tm("greetingPlain") },
    ...content.blocks,
    { note: t("mail.campaignLine", { url: campaignLink(env.APP_URL, locale, facts.slug, "update") }) },
    { note: t("mail.whyLine", { campaign: facts.title }) },
    { note: t("mail.unsubscribeLine", { url: unsubscribe }) },
    {
      text: tm("signoff", {
        organization: facts.organizationName,
        organizationEnding: wordEnding(facts.organizationName),
      }),
    },
  ];
  return {
    subject: test ? `[Test] ${content.subject}` : content.subject,
    ...renderBodies(locale, blocks),
    headers: unsubscribeHeaders(outboxId),
  };
}

function milestoneContent(locale: Locale, milestone: string, facts: CampaignFacts) {
  const t = translator(locale, "updates");
  if (milestone === "delivered")
    return {
      subject: t("mail.deliveredSubject", { campaign: facts.title }),
      blocks: [{ text: t("mail.deliveredIntro", { campaign: facts.title, target: facts.targetName }) }],
    };
  const percent = Number(milestone);
  const intro =
    percent >= 100
      ? t("mail.milestoneGoalReached", { campaign: facts.title, count: facts.confirmed })
      : t("mail.milestoneIntro", { campaign: facts.title, percent, count: facts.confirmed, goal: facts.goal });
  return { subject: t("mail.milestoneSubject", { campaign: facts.title, percent }), blocks: [{ text: intro }] };
}

export async function renderUpdateMessage(message: OutboxRow): Promise<MailContent | null> {
  const locale: Locale = isLocale(message.locale) ? message.locale : "en";
  if (!message.campaign_id) return null;
  const facts = await campaignFacts(message.campaign_id, locale);
  if (!facts) return null;
  const payload = message.payload;
  // A test send carries its own text: the update is not stored until it is sent to signers.
  if (typeof payload.subject === "string" && typeof payload.body === "string")
    return composeUpdateMail(
      locale,
      facts,
      { subject: payload.subject, blocks: paragraphs(payload.body) },
      message.id,
      true,
    );
  if (typeof payload.mailingId !== "string") return null;
  const mailing = await db
    .selectFrom("campaign_mailing as m")
    .innerJoin("campaign as c", "c.id", "m.campaign_id")
    .select(["m.kind", "m.milestone", "c.default_locale"])
    .where("m.id", "=", payload.mailingId)
    .executeTakeFirst();
  if (!mailing) return null;
  if (mailing.kind === "milestone")
    return composeUpdateMail(locale, facts, milestoneContent(locale, mailing.milestone ?? "", facts), message.id);
  const texts = await db
    .selectFrom("campaign_mailing_translation")
    .select(["locale", "subject", "body"])
    .where("mailing_id", "=", payload.mailingId)
    .execute();
  const text = pickTranslation(texts, locale, mailing.default_locale);
  if (!text) return null;
  return composeUpdateMail(locale, facts, { subject: text.subject, blocks: paragraphs(text.body) }, message.id);
}

/** The organizer's preview: the email as a recipient in `locale` would get it (the link points nowhere yet). */
export async function previewUpdate(campaignId: string, locale: Locale, text: UpdateText) {
  const facts = await campaignFacts(campaignId, locale);
  if (!facts) return null;
  const mail = composeUpdateMail(
    locale,
    facts,
    { subject: text.subject, blocks: paragraphs(text.body) },
    "00000000-0000-0000-0000-000000000000",
  );
  return { subject: mail.subject, text: mail.text };
}
