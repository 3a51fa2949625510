import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import type { DeliveryPreview } from "@/lib/delivery/preview-for-role";
import { AdminSection } from "@/components/organizers/admin-section";
import { TestSendButton } from "./test-send-button";

type Address = DeliveryPreview["from"];
const shown = (a: Address | null): string => (!a ? "" : typeof a === "string" ? a : `${a.name} <${a.address}>`);

/** The next digest and the next letter exactly as the target would get them, and "send a test to me". */
export async function DeliveryPreviewSection({
  next,
  locale,
  testUrl,
  organizerEmail,
  canEdit,
}: {
  next: { digest: DeliveryPreview | null; letter: DeliveryPreview | null };
  locale: Locale;
  testUrl: string;
  organizerEmail: string;
  canEdit: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "deliveryPanel" });
  const queued = t("testQueued", { email: organizerEmail });
  const previews = [next.digest, next.letter].filter((d): d is DeliveryPreview => d !== null);
  return (
    <AdminSection
      id="delivery-preview"
      title={t("preview")}
      hint={canEdit ? t("sendTestNote", { email: organizerEmail }) : undefined}
    >
      {previews.length === 0 && (
        <>
          <p className="muted">{t("nothingWaits")}</p>
          {canEdit && (
            <p className="admin-actions">
              <TestSendButton url={testUrl} of="digest" label={t("sendTest")} queued={queued} />
            </p>
          )}
        </>
      )}
      {previews.map((d) => (
        <article key={d.kind} className="letter-preview" data-testid={`preview-${d.kind}`}>
          <h3>{d.kind === "digest" ? t("previewDigest") : t("previewLetter")}</h3>
          <dl className="mail-headers">
            {(
              [
                [t("from"), shown(d.from), "from"],
                [t("to"), d.to, "to"],
                [t("replyTo"), d.replyToHidden ? t("replyToHidden") : shown(d.replyTo) || t("replyToNone"), "reply-to"],
                [t("subject"), d.subject, "subject"],
                ...(d.attachments.length ? [[t("attachments"), d.attachments.join(", "), "attachments"]] : []),
              ] as [string, string, string][]
            ).map(([label, value, testId]) => (
              <Fragment key={testId}>
                <dt>{label}</dt>
                <dd data-testid={`preview-${d.kind}-${testId}`}>{value}</dd>
              </Fragment>
            ))}
          </dl>
          <h4 className="visually-hidden">{t("body")}</h4>
          <pre className="mail-text" data-testid={`preview-${d.kind}-text`}>
            {d.text}
          </pre>
          {canEdit && (
            <p className="admin-actions">
              <TestSendButton url={testUrl} of={d.kind} label={t("sendTest")} queued={queued} />
            </p>
          )}
        </article>
      ))}
    </AdminSection>
  );
}
