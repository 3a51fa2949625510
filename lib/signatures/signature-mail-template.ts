// Renders an outbox message from its kind and parameters, in the recipient's language. It never repeats the name
// typed in the form: anyone can sign with any name and someone else's address, and our mail would carry their words.
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { wordEnding } from "@/lib/infra/i18n/korean-particle";
import { confirmUrl, whereUrl, withdrawUrl } from "./links";
import { env } from "@/lib/infra/env";
import { renderBodies, type Block } from "@/lib/infra/mail/layout";
import type { Appearance } from "@/lib/campaigns/appearance";
import { shareMailLine } from "@/lib/campaigns/share-mail-line";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";

export type SignatureMailKind = Extract<MessageKind, `signature.${string}`>;

export type SignatureMailContext = {
  kind: SignatureMailKind;
  locale: string;
  signatureId: string;
  /** How the signer chose to appear to the target: the email repeats it, with the link to change it. */
  appearance: Appearance;
  campaignTitle: string;
  organizationName: string;
  /** The campaign's address: the email asks the signer to share it. */
  campaignSlug?: string;
  token?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

export function renderSignatureMail(ctx: SignatureMailContext): RenderedMail {
  const locale: Locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const t = translator(locale, "email");
  const withdraw = withdrawUrl(locale, ctx.signatureId);
  const greeting = t("greetingPlain");
  const ta = translator(locale, "appearance");
  const choice: Block[] = [
    { text: ta("emailChoice", { choice: ta(ctx.appearance) }) },
    { note: ta("emailChange", { url: withdraw }) },
  ];
  const signoff = t("signoff", {
    organization: ctx.organizationName,
    organizationEnding: wordEnding(ctx.organizationName),
  });
  const share: Block[] = ctx.campaignSlug ? [{ note: shareMailLine(locale, ctx.campaignSlug) }] : [];
  let subject: string;
  let blocks: Block[];
  if (ctx.kind === "signature.confirm") {
    if (!ctx.token) throw new Error("a confirmation mail needs its token");
    const days = Math.round(env.CONFIRMATION_TTL_HOURS / 24);
    subject = t("signatureConfirm.subject", { campaign: ctx.campaignTitle });
    blocks = [
      { text: greeting },
      { text: t("signatureConfirm.intro", { campaign: ctx.campaignTitle }) },
      { text: t("signatureConfirm.action") },
      { link: confirmUrl(locale, ctx.token), label: t("signatureConfirm.button") },
      ...choice,
      { note: t("signatureConfirm.expiry", { days }) },
      { note: t("ignoreLine") },
      ...share,
      { note: t("withdrawLine", { url: withdraw }) },
      { note: t("whereLine"), href: whereUrl(locale) },
      { text: signoff },
    ];
  } else {
    subject = t("signatureAlreadyConfirmed.subject", { campaign: ctx.campaignTitle });
    blocks = [
      { text: greeting },
      { text: t("signatureAlreadyConfirmed.intro", { campaign: ctx.campaignTitle }) },
      { text: t("signatureAlreadyConfirmed.body") },
      ...choice,
      ...share,
      { note: t("withdrawLine", { url: withdraw }) },
      { note: t("whereLine"), href: whereUrl(locale) },
      { text: signoff },
    ];
  }
  return { subject, ...renderBodies(locale, blocks) };
}
