"use client";

import { useTranslations } from "next-intl";
import { letterLanguages, writerRoles } from "@/lib/letters/schema";
import { describedBy, FieldError, type StepProps } from "./fields";

const languageNames: Record<string, string> = { en: "English", ko: "한국어" };

/** Step 2: who the writer is (optional), the letter's language, and why this matters to them. */
export function StepVoice({ draft, update, errors, fid }: StepProps) {
  const t = useTranslations("composer.voice");
  return (
    <>
      <fieldset aria-describedby={`${fid("writerRole")}-hint`}>
        <legend>{t("roleLegend")}</legend>
        <p id={`${fid("writerRole")}-hint`} className="hint">
          {t("roleHint")}
        </p>
        {[...writerRoles, ""].map((role, i) => (
          <div className="check" key={role || "none"}>
            <input
              id={i === 0 ? fid("writerRole") : `${fid("writerRole")}-${role || "none"}`}
              type="radio"
              name="writerRole"
              value={role}
              checked={draft.writerRole === role}
              onChange={() => update({ writerRole: role })}
            />
            <label htmlFor={i === 0 ? fid("writerRole") : `${fid("writerRole")}-${role || "none"}`}>
              {t(`roles.${role || "none"}` as never)}
            </label>
          </div>
        ))}
        <FieldError name="writerRole" errors={errors} fid={fid} />
      </fieldset>

      <fieldset aria-describedby={describedBy(fid, errors, "language", `${fid("language")}-hint`)}>
        <legend>{t("languageLegend")}</legend>
        <p id={`${fid("language")}-hint`} className="hint">
          {t("languageHint")}
        </p>
        <div className="choice-row">
          {letterLanguages.map((lang, i) => (
            <div className="check" key={lang}>
              <input
                id={i === 0 ? fid("language") : `${fid("language")}-${lang}`}
                type="radio"
                name="language"
                value={lang}
                checked={draft.language === lang}
                onChange={() => update({ language: lang })}
              />
              <label htmlFor={i === 0 ? fid("language") : `${fid("language")}-${lang}`} lang={lang}>
                {languageNames[lang]}
              </label>
            </div>
          ))}
        </div>
        <FieldError name="language" errors={errors} fid={fid} />
      </fieldset>

      <div className="field">
        <label htmlFor={fid("ownWords")}>{t("ownWords")}</label>
        <p id={`${fid("ownWords")}-hint`} className="hint">
          {t("ownWordsHint")}
        </p>
        <textarea
          id={fid("ownWords")}
          rows={6}
          lang={draft.language}
          value={draft.ownWords}
          onChange={(e) => update({ ownWords: e.target.value })}
          aria-describedby={`${fid("ownWords")}-hint ${fid("ownWords")}-caution`}
        />
        <p id={`${fid("ownWords")}-caution`} className="hint caution">
          {t("ownWordsCaution")}
        </p>
      </div>
    </>
  );
}
