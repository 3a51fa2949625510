"use client";

import { useLocale, useTranslations } from "next-intl";
import { splitByFindings, type Finding } from "@/lib/letters/safety-check";
import type { LetterLanguage } from "@/lib/letters/schema";
import { describedBy, FieldError, type StepProps } from "./fields";

type Props = StepProps & {
  /** Subject and body as checked, in the order the findings' positions refer to. */
  checked: string;
  findings: Finding[];
  /** Why this matters, in both languages: a relative reading over the writer's shoulder may read the other one. */
  explanations: Record<LetterLanguage, string>;
  onEdit: () => void;
};

/** Step 4: details that could identify someone still in North Korea, highlighted; the writer edits or keeps them. */
export function StepSafety({ draft, update, errors, fid, checked, findings, explanations, onEdit }: Props) {
  const t = useTranslations("composer.safety");
  const locale = useLocale();
  const order: LetterLanguage[] = locale === "ko" ? ["ko", "en"] : ["en", "ko"];
  const kept = draft.keptFor === checked;
  return (
    <>
      <p>{t("intro")}</p>
      <section className="safety-why" aria-labelledby={`${fid("why")}-heading`}>
        <h3 id={`${fid("why")}-heading`}>{t("why")}</h3>
        {order.map((lang) => (
          <p key={lang} lang={lang}>
            {explanations[lang]}
          </p>
        ))}
      </section>

      {findings.length === 0 ? (
        <p role="status" className="notice" data-testid="safety-none">
          {t("none")}
        </p>
      ) : (
        <>
          <h3 data-testid="safety-findings-title">{t("findingsTitle", { count: findings.length })}</h3>
          <ul className="findings" data-testid="safety-findings">
            {findings.map((f) => (
              <li key={`${f.start}-${f.end}`}>
                <mark lang={draft.language}>{f.text}</mark> — {t(`kinds.${f.kind}`)}
              </li>
            ))}
          </ul>
          <figure className="highlighted">
            <figcaption className="hint">{t("highlighted")}</figcaption>
            <div className="letter-text" lang={draft.language}>
              {splitByFindings(checked, findings).map((part, i) =>
                part.finding ? (
                  <mark key={i}>
                    {part.text}
                    <span className="visually-hidden"> ({t(`kinds.${part.finding.kind}`)})</span>
                  </mark>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </div>
          </figure>
          <p className="hint" data-testid="safety-also-missed">
            {t("alsoMissed")}
          </p>
          <p>
            <button type="button" className="button button-secondary" onClick={onEdit}>
              {t("edit")}
            </button>
          </p>
          <div className="check">
            <input
              id={fid("safety")}
              type="checkbox"
              checked={kept}
              onChange={(e) => update({ keptFor: e.target.checked ? checked : null })}
              aria-invalid={errors.safety ? true : undefined}
              aria-describedby={describedBy(fid, errors, "safety", `${fid("safety")}-hint`)}
            />
            <label htmlFor={fid("safety")}>{t("keep")}</label>
            <p id={`${fid("safety")}-hint`} className="hint">
              {t("keepHint")}
            </p>
          </div>
          <FieldError name="safety" errors={errors} fid={fid} />
        </>
      )}
    </>
  );
}
