"use client";

import { useTranslations } from "next-intl";
import { appearances, type Appearance } from "@/lib/campaigns/appearance";

type Props = {
  /** Prefix for the ids of the radios, the hint and the error. */
  id: string;
  /** Uncontrolled (a plain form post): the pre-selected choice. */
  defaultValue?: Appearance;
  /** Controlled (the composer): the choice and its setter. */
  value?: Appearance;
  onChange?: (value: Appearance) => void;
  /** The message to show beside the group, already translated. */
  error?: string;
};

/**
 * "How you appear to the recipient": full name and place, initials and country, or counted only. One radio group
 * with a legend and a one-line hint, posted as `appearance`; shared by the sign form, the composer and the signer's
 * link page.
 */
export function AppearanceChoice({ id, defaultValue, value, onChange, error }: Props) {
  const t = useTranslations("appearance");
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} className="field appearance-choice" aria-describedby={described} data-testid="appearance-choice">
      <legend>{t("legend")}</legend>
      <p id={`${id}-hint`} className="hint">
        {t("hint")}
      </p>
      {appearances.map((choice) => (
        <div className="check" key={choice}>
          <input
            id={`${id}-${choice}`}
            type="radio"
            name="appearance"
            value={choice}
            {...(onChange
              ? { checked: value === choice, onChange: () => onChange(choice) }
              : { defaultChecked: defaultValue === choice })}
          />
          <label htmlFor={`${id}-${choice}`}>{t(choice)}</label>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
