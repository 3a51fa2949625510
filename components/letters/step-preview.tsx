"use client";

import { useTranslations } from "next-intl";
import { addressLine, type LetterDelivery } from "@/lib/delivery/compose-letter-delivery";
import type { StepProps } from "./fields";

type Props = StepProps & { targetName: string; delivery: LetterDelivery | null; sending: boolean; locale: string };

/** Step 6: the email exactly as the target will get it (the delivery's own rendering), then send. */
export function StepPreview({ draft, fid, targetName, delivery, sending, locale }: Props) {
  const t = useTranslations("composer.preview");
  const tc = useTranslations("composer");
  return (
    <>
      <p>{t("intro")}</p>
      {delivery && (
        <article className="letter-preview" aria-labelledby={`${fid("preview")}-subject`} data-testid="letter-preview">
          <dl className="letter-headers">
            <div>
              <dt className="muted">{t("to")}</dt>
              <dd>{targetName}</dd>
            </div>
            <div>
              <dt className="muted">{t("from")}</dt>
              <dd data-testid="preview-from">{addressLine(delivery.from)}</dd>
            </div>
            <div>
              <dt className="muted">{t("replyTo")}</dt>
              <dd data-testid="preview-reply-to">{addressLine(delivery.replyTo)}</dd>
            </div>
            <div>
              <dt className="muted">{t("subject")}</dt>
              <dd id={`${fid("preview")}-subject`} lang={draft.language} data-testid="preview-subject">
                {delivery.subject}
              </dd>
            </div>
          </dl>
          <div className="letter-text" lang={draft.language} data-testid="preview-text">
            {delivery.text}
          </div>
        </article>
      )}
      <p data-testid="preview-reply-note">{draft.replyConsent ? t("replyToYou") : t("replyToOrganizers")}</p>
      <p>{t("confirmNote", { email: draft.email.trim() })}</p>
      <p>
        <button type="submit" className="button" disabled={sending} aria-describedby={`${fid("preview")}-privacy`}>
          {sending ? t("sending") : t("send")}
        </button>
      </p>
      <p id={`${fid("preview")}-privacy`} className="hint privacy">
        {t("privacy")} <a href={`/${locale}/privacy#where`}>{tc("whereLink")}</a>
      </p>
    </>
  );
}
