// Renders the signer's own emails from their outbox rows.
import { prisma } from "@/lib/infra/db";
import type { OutboxRow, MailContent } from "@/lib/infra/outbox/outbox";
import { renderSignatureMail } from "./signature-mail-template";
import { pickTranslation } from "@/lib/campaigns/pick-translation";

export async function renderSignatureMessage(message: OutboxRow): Promise<MailContent | null> {
  if (!message.signature_id) return null;
  const signature = await prisma.signature.findUnique({
    where: { id: message.signature_id },
    select: {
      name: true,
      campaign: {
        select: {
          defaultLocale: true,
          organization: { select: { name: true } },
          translations: { select: { locale: true, title: true } },
        },
      },
    },
  });
  if (!signature) return null;
  const { translations, defaultLocale, organization } = signature.campaign;
  const text = pickTranslation(translations, message.locale, defaultLocale);
  return renderSignatureMail({
    kind: message.kind as "signature.confirm" | "signature.already_confirmed",
    locale: message.locale,
    signatureId: message.signature_id,
    signerName: signature.name,
    campaignTitle: text?.title ?? "",
    organizationName: organization.name,
    token: typeof message.payload.token === "string" ? message.payload.token : undefined,
  });
}
