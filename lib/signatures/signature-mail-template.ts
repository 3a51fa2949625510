// Renders an outbox message from its kind and parameters, in the recipient's language.
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { confirmUrl, whereUrl, withdrawUrl } from "./links";
import { env } from "@/lib/infra/env";
import { renderBodies, type Block } from "@/lib/infra/mail/layout";

export type SignatureMailContext = {
  kind: "signature.confirm" | "signature.already_confirmed";
  locale: string;
  signatureId: string;
  signerName: string;
  campaignTitle: string;
  organizationName: string;
  token?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

export function renderSignatureMail(ctx: SignatureMailContext): RenderedMail {
  const locale: Locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const t = translator(locale, "email");
  const withdraw = withdrawUrl(locale, ctx.signatureId);
  const greeting = t("greeting", { name: ctx.signerName });
  const signoff = t("signoff", { organization: ctx.organizationName });
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
      { note: t("signatureConfirm.expiry", { days }) },
      { note: t("ignoreLine") },
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
      { note: t("withdrawLine", { url: withdraw }) },
      { note: t("whereLine"), href: whereUrl(locale) },
      { text: signoff },
    ];
  }
  return { subject, ...renderBodies(locale, blocks) };
}
