// The letter writer's own emails: the confirmation (with a copy of the email that will carry the letter to the
// target, as lib/delivery composes it: the writer shown as they chose, never more) and the note that a confirmed
// letter cannot be replaced. Rendered from the letter row at send time.
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { wordEnding } from "@/lib/infra/i18n/korean-particle";
import { renderBodies, type Block } from "@/lib/infra/mail/layout";
import type { MailContent, MessageKind, OutboxRow } from "@/lib/infra/outbox/outbox";
import { letterConfirmUrl, letterWithdrawUrl } from "./links";
import { letterHoldHours } from "./letter-hold";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { whereUrl } from "@/lib/signatures/links";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { shareMailLine } from "@/lib/campaigns/share-mail-line";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import type { Appearance } from "@/lib/campaigns/appearance";

export type LetterMailKind = Extract<MessageKind, `letter.${string}`>;

/** The delivered email as text (lib/delivery/letter-as-delivered.ts): its address lines, subject and text body. */
export type DeliveredCopy = { from: string; replyTo: string; subject: string; text: string };

/** Reads how a letter would be delivered now; handed in by the worker's composition root (lib/worker/mail-kinds.ts). */
export type DeliveredCopyReader = (letterId: string) => Promise<DeliveredCopy | null>;

export type LetterMailContext = {
  kind: LetterMailKind;
  locale: string;
  letterId: string;
  campaignTitle: string;
  organizationName: string;
  /** The campaign's address: the email asks the writer to share it. */
  campaignSlug?: string;
  letter: {
    subject: string;
    body: string;
    name: string;
    city: string | null;
    region: string | null;
    country: string;
    language: string;
    alsoSign: boolean;
    appearance: Appearance;
  };
  /** The confirmation's copy: the email the target will get, exactly. */
  copy?: DeliveredCopy | null;
  token?: string;
  /** The campaign's cooling-off hold (letter-hold.ts), in hours. */
  holdHours?: number;
};

export function renderLetterMail(ctx: LetterMailContext): { subject: string; text: string; html: string } {
  const locale: Locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const t = translator(locale, "letterEmail");
  const withdraw = letterWithdrawUrl(locale, ctx.letterId);
  const campaign = ctx.campaignTitle;
  const blocks: Block[] = [{ text: t("greeting", { name: ctx.letter.name }) }];
  let subject: string;
  if (ctx.kind === "letter.confirm") {
    if (!ctx.token) throw new Error("a confirmation mail needs its token");
    if (!ctx.copy) throw new Error("a confirmation mail needs the copy of the letter as delivered");
    subject = t("confirm.subject", { campaign });
    const ta = translator(locale, "appearance");
    blocks.push(
      { text: t("confirm.intro", { campaign }) },
      { text: t("confirm.action") },
      { link: letterConfirmUrl(locale, ctx.token), label: t("confirm.button") },
      { note: t("confirm.expiry", { days: Math.round(env.CONFIRMATION_TTL_HOURS / 24) }) },
      { note: t("confirm.hold", { hours: ctx.holdHours ?? letterHoldHours(null) }) },
      ...(ctx.letter.alsoSign ? [{ note: t("confirm.alsoSign") }] : []),
      { text: t("confirm.copyIntro") },
      { note: ta("emailChoice", { choice: ta(ctx.letter.appearance) }) },
      {
        text: [
          `${t("confirm.fromLine")} ${ctx.copy.from}`,
          `${t("confirm.replyToLine")} ${ctx.copy.replyTo}`,
          `${t("confirm.subjectLine")} ${ctx.copy.subject}`,
        ].join("\n"),
      },
      { text: ctx.copy.text.trimEnd() },
      { note: t("confirm.ignoreLine") },
    );
  } else {
    subject = t("alreadyConfirmed.subject", { campaign });
    blocks.push({ text: t("alreadyConfirmed.intro", { campaign }) }, { text: t("alreadyConfirmed.body") });
  }
  if (ctx.campaignSlug) blocks.push({ note: shareMailLine(locale, ctx.campaignSlug) });
  blocks.push(
    { note: t("withdrawLine", { url: withdraw }) },
    { note: t("whereLine"), href: whereUrl(locale) },
    {
      text: t("signoff", { organization: ctx.organizationName, organizationEnding: wordEnding(ctx.organizationName) }),
    },
  );
  return { subject, ...renderBodies(locale, blocks) };
}

export async function renderLetterMessage(
  message: OutboxRow,
  asDelivered: DeliveredCopyReader,
): Promise<MailContent | null> {
  if (!message.letter_id) return null;
  const letter = await db
    .selectFrom("letter as l")
    .innerJoin("campaign as c", "c.id", "l.campaign_id")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select((eb) => [
      "l.status",
      "l.subject",
      "l.body",
      "l.name",
      "l.city",
      "l.region",
      "l.country",
      "l.language",
      "l.also_sign",
      "l.appearance",
      "c.default_locale",
      "c.letter_hold_hours",
      "c.slug",
      organizationNameIn(message.locale).as("organization_name"),
      campaignTitles(eb.ref("c.id")).as("titles"),
    ])
    .where("l.id", "=", message.letter_id)
    .executeTakeFirst();
  if (!letter || letter.status === "withdrawn") return null;
  // A confirmation for a letter that is no longer pending would only confuse: nothing is left to confirm.
  if (message.kind === "letter.confirm" && letter.status !== "pending") return null;
  const text = pickTranslation(letter.titles, message.locale, letter.default_locale);
  return renderLetterMail({
    kind: message.kind as LetterMailKind,
    locale: message.locale,
    letterId: message.letter_id,
    campaignTitle: text?.title ?? "",
    organizationName: letter.organization_name,
    campaignSlug: letter.slug,
    letter: {
      subject: letter.subject,
      body: letter.body,
      name: letter.name,
      city: letter.city,
      region: letter.region,
      country: letter.country,
      language: letter.language,
      alsoSign: letter.also_sign,
      appearance: letter.appearance,
    },
    copy: message.kind === "letter.confirm" ? await asDelivered(message.letter_id) : null,
    token: typeof message.payload.token === "string" ? message.payload.token : undefined,
    holdHours: letterHoldHours(letter.letter_hold_hours),
  });
}
