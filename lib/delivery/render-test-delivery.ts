// Renders a test send (send-test-delivery.ts): the next delivery as the preview shows it at the moment of sending
// (a digest with no one listed when nothing waits), its subject and first lines marked as a test.
import { translator } from "@/lib/infra/i18n/messages";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { escapeHtml } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";
import { emptyDigest, previewNextDeliveries } from "./preview-next-delivery";

export async function renderTestDelivery(message: OutboxRow): Promise<MailContent | null> {
  if (!message.campaign_id) return null;
  const locale: Locale = isLocale(message.locale) ? message.locale : "en";
  const next = await previewNextDeliveries(message.campaign_id);
  const wanted = (message.payload as { of?: string }).of === "letter" ? next.letter : next.digest;
  const chosen = wanted ?? next.digest ?? next.letter ?? (await emptyDigest(message.campaign_id));
  const t = translator(locale, "delivery");
  const note = t("testNote", { organizer: message.to, target: chosen.to });
  const { content } = chosen;
  return {
    ...content,
    subject: t("testSubject", { subject: content.subject }),
    text: `${note}\n\n${content.text}`,
    html: content.html.replace(/(<body[^>]*>)/i, `$1<p><strong>${escapeHtml(note)}</strong></p>`),
    headers: { ...content.headers, "X-Open-Letters-Test": "yes" },
  };
}
