"use client";

import { useTranslations } from "next-intl";
import type { StepProps } from "./fields";

type Props = StepProps & { targetName: string; deliveredText: string; sending: boolean };

/** Step 6: the letter exactly as it will be delivered, then send (the step's form submits it). */
export function StepPreview({ draft, fid, targetName, deliveredText, sending }: Props) {
  const t = useTranslations("composer.preview");
  return (
    <>
      <p>{t("intro")}</p>
      <article className="letter-preview" aria-labelledby={`${fid("preview")}-subject`} data-testid="letter-preview">
        <p className="letter-to">
          <span className="muted">{t("to")}:</span> {targetName}
        </p>
        <p id={`${fid("preview")}-subject`}>
          <span className="muted">{t("subject")}:</span> <span lang={draft.language}>{draft.subject.trim()}</span>
        </p>
        <div className="letter-text" lang={draft.language}>
          {deliveredText}
        </div>
      </article>
      <p>{t("confirmNote", { email: draft.email.trim() })}</p>
      <p>
        <button type="submit" className="button" disabled={sending} aria-describedby={`${fid("preview")}-privacy`}>
          {sending ? t("sending") : t("send")}
        </button>
      </p>
      <p id={`${fid("preview")}-privacy`} className="hint privacy">
        {t("privacy")}
      </p>
    </>
  );
}
