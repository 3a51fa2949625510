"use client";

import { useTranslations } from "next-intl";
import { hasRegionList, regionOptions, regionRules } from "@/lib/infra/geo/regions";
import { letterLimits } from "@/lib/letters/schema";
import type { Appearance } from "@/lib/campaigns/appearance";
import { AppearanceChoice } from "@/components/signatures/appearance-choice";
import { describedBy, FieldError, useErrorMessage, type StepProps } from "./fields";

type Props = StepProps & {
  countries: { code: string; name: string }[];
  locale: string;
  /** The campaign's pre-selected "how you appear to the recipient", shown until the writer chooses. */
  defaultAppearance: Appearance;
};

/** The labels of step 5's fields, also used by the error summary. */
export function useDetailLabels(country: string) {
  const t = useTranslations("composer.details");
  const tp = useTranslations("appearance");
  return {
    name: t("name"),
    email: t("email"),
    street: t("street"),
    city: t("city"),
    country: t("country"),
    region: country === "US" ? t("regionUS") : country === "KR" ? t("regionKR") : t("region"),
    postalCode: country === "US" ? t("postalCodeUS") : t("postalCode"),
    alsoSign: t("alsoSign"),
    appearance: tp("legend"),
    showName: t("showName"),
    wantsUpdates: t("wantsUpdates"),
    replyConsent: t("replyConsent"),
  };
}

/** Step 5: who the letter is from, as the recipient's office expects it, and the writer's privacy choices. */
export function StepDetails({ draft, update, errors, fid, countries, locale, defaultAppearance }: Props) {
  const t = useTranslations("composer.details");
  const tc = useTranslations("composer");
  const message = useErrorMessage();
  const label = useDetailLabels(draft.country);
  const regionRequired = regionRules[draft.country]?.required ?? false;
  const text = (
    name: "name" | "email" | "street" | "city" | "postalCode",
    props: Record<string, unknown> = {},
    optional = false,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={fid(name)}>
        {label[name]} {optional && <span className="muted">{t("optional")}</span>}
      </label>
      <input
        id={fid(name)}
        value={draft[name]}
        onChange={(e) => update({ [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(fid, errors, name, ...(hint ? [`${fid(name)}-hint`] : []))}
        {...props}
      />
      {hint && (
        <p id={`${fid(name)}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} fid={fid} />
    </div>
  );
  return (
    <>
      <p>
        {t("intro")} <a href={`/${locale}/privacy#where`}>{tc("whereLink")}</a>
      </p>
      {text("name", { autoComplete: "name", maxLength: letterLimits.name })}
      {text(
        "email",
        { type: "email", inputMode: "email", autoComplete: "email", maxLength: letterLimits.email },
        false,
        t("emailHint"),
      )}
      <div className="check">
        <input
          id={fid("replyConsent")}
          type="checkbox"
          checked={draft.replyConsent}
          onChange={(e) => update({ replyConsent: e.target.checked })}
          aria-describedby={`${fid("replyConsent")}-hint`}
        />
        <label htmlFor={fid("replyConsent")}>{label.replyConsent}</label>
        <p id={`${fid("replyConsent")}-hint`} className="hint">
          {t("replyConsentHint")}
        </p>
      </div>
      {text("street", { autoComplete: "street-address", maxLength: letterLimits.street }, true)}
      {text("city", { autoComplete: "address-level2", maxLength: letterLimits.city })}
      <div className="field">
        <label htmlFor={fid("country")}>{label.country}</label>
        <select
          id={fid("country")}
          autoComplete="country"
          value={draft.country}
          onChange={(e) => update({ country: e.target.value, region: "" })}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describedBy(fid, errors, "country")}
        >
          <option value="">{t("chooseCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError name="country" errors={errors} fid={fid} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={fid("region")}>
            {label.region} {!regionRequired && <span className="muted">{t("optional")}</span>}
          </label>
          {hasRegionList(draft.country) ? (
            <select
              id={fid("region")}
              autoComplete="address-level1"
              value={draft.region}
              onChange={(e) => update({ region: e.target.value })}
              aria-invalid={errors.region ? true : undefined}
              aria-describedby={describedBy(fid, errors, "region")}
            >
              <option value="">{t("chooseRegion")}</option>
              {regionOptions(draft.country, locale).map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={fid("region")}
              autoComplete="address-level1"
              maxLength={letterLimits.region}
              value={draft.region}
              onChange={(e) => update({ region: e.target.value })}
              aria-invalid={errors.region ? true : undefined}
              aria-describedby={describedBy(fid, errors, "region")}
            />
          )}
          <FieldError name="region" errors={errors} fid={fid} />
        </div>
        {text(
          "postalCode",
          {
            autoComplete: "postal-code",
            maxLength: letterLimits.postalCode,
            inputMode: draft.country === "US" || draft.country === "KR" ? "numeric" : undefined,
          },
          true,
        )}
      </div>

      <AppearanceChoice
        id={fid("appearance")}
        value={draft.appearance || defaultAppearance}
        onChange={(appearance) => update({ appearance })}
        error={errors.appearance ? message(errors.appearance) : undefined}
      />

      {(["alsoSign", "showName", "wantsUpdates"] as const).map((name) => {
        const hint = name === "alsoSign" ? t("alsoSignHint") : name === "showName" ? t("showNameHint") : null;
        return (
          <div className="check" key={name}>
            <input
              id={fid(name)}
              type="checkbox"
              checked={draft[name]}
              onChange={(e) => update({ [name]: e.target.checked })}
              aria-describedby={hint ? `${fid(name)}-hint` : undefined}
            />
            <label htmlFor={fid(name)}>{label[name]}</label>
            {hint && (
              <p id={`${fid(name)}-hint`} className="hint">
                {hint}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
