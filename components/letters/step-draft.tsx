"use client";

import { useTranslations } from "next-intl";
import { letterLength, letterLimits } from "@/lib/letters/schema";
import type { Personalisation } from "@/lib/letters/personalisation";
import { describedBy, FieldError, type StepProps } from "./fields";
import { BarFill } from "../ui/bar-fill";

/** Step 3: the whole letter, editable, with its length against the limits and how much is in the writer's words. */
export function StepDraft({
  draft,
  update,
  errors,
  fid,
  personal,
  onRebuild,
}: StepProps & { personal: Personalisation; onRebuild: () => void }) {
  const t = useTranslations("composer.draft");
  const count = letterLength(draft.body);
  const percent = Math.round(personal.ownShare * 100);
  const over = count > letterLimits.body.max;
  return (
    <>
      <div className="field">
        <label htmlFor={fid("subject")}>{t("subject")}</label>
        <input
          id={fid("subject")}
          lang={draft.language}
          value={draft.subject}
          onChange={(e) => update({ subject: e.target.value })}
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={describedBy(fid, errors, "subject")}
        />
        <FieldError name="subject" errors={errors} fid={fid} />
      </div>

      <div className="field">
        <label htmlFor={fid("body")}>{t("body")}</label>
        <p id={`${fid("body")}-hint`} className="hint">
          {t("bodyHint")}
        </p>
        <textarea
          id={fid("body")}
          className="letter-body"
          rows={18}
          lang={draft.language}
          value={draft.body}
          onChange={(e) => update({ body: e.target.value, bodyEdited: true })}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy(fid, errors, "body", `${fid("body")}-hint`, `${fid("body")}-count`)}
        />
        <p
          id={`${fid("body")}-count`}
          className={over || count < letterLimits.body.min ? "hint count-warning" : "hint"}
          data-testid="length-count"
        >
          {count < letterLimits.body.min
            ? t("lengthShort", { count, min: letterLimits.body.min })
            : t("length", { count, max: letterLimits.body.max })}
        </p>
        <FieldError name="body" errors={errors} fid={fid} />
      </div>

      <section
        className="personal"
        aria-labelledby={`${fid("personal")}-label`}
        data-testid="personalisation"
        data-level={personal.level}
      >
        <p id={`${fid("personal")}-label`} className="personal-label">
          {t("personalLabel", { percent })}
        </p>
        <div className="personal-bar" aria-hidden="true">
          <BarFill percent={percent} />
        </div>
        <p className="hint">
          {personal.level === "low"
            ? t("personalLow")
            : personal.level === "some"
              ? t("personalSome")
              : t("personalHigh")}
        </p>
      </section>

      {draft.bodyEdited && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={onRebuild}
            aria-describedby={`${fid("rebuild")}-hint`}
          >
            {t("rebuild")}
          </button>
          <span id={`${fid("rebuild")}-hint`} className="hint">
            {" "}
            {t("rebuildHint")}
          </span>
        </p>
      )}
    </>
  );
}
