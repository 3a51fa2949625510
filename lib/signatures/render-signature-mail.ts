// The signer's own emails (the confirmation, and "already confirmed"), rendered from the signature row at send
// time, so a choice or campaign title changed since the request is the one that goes out.
import { db } from "@/lib/infra/db";
import type { OutboxRow, MailContent } from "@/lib/infra/outbox/outbox";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { renderSignatureMail, type SignatureMailKind } from "./signature-mail-template";

export async function renderSignatureMessage(message: OutboxRow): Promise<MailContent | null> {
  if (!message.signature_id) return null;
  const signature = await db
    .selectFrom("signature as s")
    .innerJoin("campaign as c", "c.id", "s.campaign_id")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select((eb) => [
      "s.appearance",
      "c.default_locale",
      "c.slug",
      organizationNameIn(message.locale).as("organization_name"),
      campaignTitles(eb.ref("c.id")).as("titles"),
    ])
    .where("s.id", "=", message.signature_id)
    .executeTakeFirst();
  if (!signature) return null;
  const text = pickTranslation(signature.titles, message.locale, signature.default_locale);
  return renderSignatureMail({
    kind: message.kind as SignatureMailKind,
    locale: message.locale,
    signatureId: message.signature_id,
    appearance: signature.appearance,
    campaignTitle: text?.title ?? "",
    organizationName: signature.organization_name,
    campaignSlug: signature.slug,
    token: typeof message.payload.token === "string" ? message.payload.token : undefined,
  });
}
