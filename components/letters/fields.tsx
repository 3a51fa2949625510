"use client";

import { useTranslations } from "next-intl";
import type { Draft } from "./draft";

/** What every step gets: the draft, a way to change it, and its fields' problems with ids to describe them. */
export type StepProps = {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  errors: Record<string, string>;
  fid: (name: string) => string;
};

/** The message for an error code: the letters' own codes first, then the shared field codes. */
export function useErrorMessage() {
  const tl = useTranslations("letterErrors");
  const tf = useTranslations("fieldErrors");
  return (code: string) =>
    tl.has(code as never) ? tl(code as never) : tf.has(code as never) ? tf(code as never) : tf("invalid");
}

export function describedBy(
  fid: (name: string) => string,
  errors: Record<string, string>,
  name: string,
  ...hints: string[]
) {
  return [errors[name] ? `${fid(name)}-error` : null, ...hints].filter(Boolean).join(" ") || undefined;
}

export function FieldError({
  name,
  errors,
  fid,
}: {
  name: string;
  errors: Record<string, string>;
  fid: (name: string) => string;
}) {
  const message = useErrorMessage();
  if (!errors[name]) return null;
  return (
    <p id={`${fid(name)}-error`} className="field-error">
      {message(errors[name]!)}
    </p>
  );
}
