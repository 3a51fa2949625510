"use client";

// The sign form's comment with a live count against its limit. Nothing is cut off: text over the limit stays as
// typed and the form refuses it with the server's own message (too_long). Screen readers hear the count only near
// or over the limit, and only once typing pauses.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { codePointLength } from "@/lib/infra/validation/text-checks";

type Props = {
  id: string;
  label: ReactNode;
  max: number;
  /** The count line while the comment is empty, written on the server: no number is formatted while the page starts. */
  emptyCountText: string;
  defaultValue?: string;
  invalid: boolean;
  /** The ids of the field's error and hint, as the form composes them. */
  describedBy?: string;
  hint: ReactNode;
  error: ReactNode;
};

/** What the server counts: code points of the trimmed, NFC text (lib/infra/validation/text.ts). */
export const commentLength = (v: string) => codePointLength(v.trim().normalize("NFC"));

export function CommentField({
  id,
  label,
  max,
  emptyCountText,
  defaultValue,
  invalid,
  describedBy,
  hint,
  error,
}: Props) {
  const t = useTranslations("signForm");
  const [count, setCount] = useState(() => commentLength(defaultValue ?? ""));
  const [announced, setAnnounced] = useState("");
  const over = count - max;
  const countText =
    count === 0
      ? emptyCountText
      : over > 0
        ? t("commentOver", { count, max, over })
        : t("commentCount", { count, max });

  useEffect(() => {
    // Quiet until the last fifth of the limit; then said once the person stops typing for a moment.
    const wanted = count >= max * 0.8 ? countText : "";
    const timer = setTimeout(() => setAnnounced(wanted), 1000);
    return () => clearTimeout(timer);
  }, [count, max, countText]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="comment"
        rows={3}
        defaultValue={defaultValue}
        onInput={(e) => setCount(commentLength(e.currentTarget.value))}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(" ")}
      />
      {hint}
      <p id={`${id}-count`} className={over > 0 ? "hint count-warning" : "hint"} data-testid="comment-count">
        {countText}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="comment-count-live">
        {announced}
      </p>
      {error}
    </div>
  );
}
