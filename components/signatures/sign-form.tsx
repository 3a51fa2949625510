"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from "react";
import { useTranslations } from "next-intl";
import type { SignatureField } from "@/lib/signatures/schema";
import { limits } from "@/lib/signatures/rules";
import { checkSignatureForm } from "@/lib/signatures/check-signature-form";
import { signatureFromForm, type SignFormState } from "@/lib/signatures/form-data";
import { hasRegionList, regionOptions, regionRules } from "@/lib/infra/geo/regions";
import { solveChallenge } from "@/lib/integrity/solve-challenge";
import { Honeypot } from "@/components/ui/honeypot";

type Props = {
  action: (state: SignFormState, form: FormData) => Promise<SignFormState>;
  locale: string;
  countries: { code: string; name: string }[];
  /** The signed render time (lib/infra/security/form-token.ts). */
  formToken: string;
};

const noSubscribe = () => () => {};

const fieldOrder: SignatureField[] = [
  "name",
  "email",
  "country",
  "region",
  "postalCode",
  "comment",
  "showName",
  "wantsUpdates",
];

/**
 * The sign form. Checks input with the same rules as the server's schema before sending (without loading zod),
 * shows each problem beside its field and in a summary announced to screen readers, and works without JavaScript
 * through the server action.
 */
export function SignForm({ action, locale, countries, formToken }: Props) {
  const t = useTranslations("signForm");
  const te = useTranslations("fieldErrors");
  const ta = useTranslations("apiErrors");
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as SignFormState);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const values =
    state.status === "invalid" || state.status === "error" || state.status === "challenge" ? state.values : undefined;
  const [country, setCountry] = useState(values?.country || (locale === "ko" ? "KR" : "US"));
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  // What was last sent: sent again, with the solution, when the server asks for a challenge first.
  const lastSent = useRef<FormData | null>(null);
  const [solved, setSolved] = useState(0);
  // False in the server's HTML (and so without JavaScript), true once the form runs in the browser.
  const scripted = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

  const errors = clientErrors ?? (state.status === "invalid" ? state.fields : {});
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (state.status === "ok") successRef.current?.focus();
    else if (state.status === "invalid" || state.status === "error") summaryRef.current?.focus();
  }, [state]);

  // Under abuse the server asks for a proof of work: solve it here and send the same form again, a few times at most.
  const handled = useRef<string | null>(null);
  useEffect(() => {
    const sent = lastSent.current;
    if (state.status !== "challenge" || !sent || solved >= 3 || handled.current === state.challenge.token) return;
    const { token } = state.challenge;
    handled.current = token;
    solveChallenge(state.challenge).then(
      (nonce) => {
        const again = new FormData();
        for (const [name, value] of sent)
          if (name !== "challengeToken" && name !== "challengeNonce") again.append(name, value);
        again.set("challengeToken", token);
        again.set("challengeNonce", nonce);
        lastSent.current = again;
        setSolved((n) => n + 1);
        startTransition(() => formAction(again));
      },
      () => setSolved(3),
    );
  }, [state, formAction, solved]);

  if (state.status === "ok") {
    return (
      <div ref={successRef} tabIndex={-1} className="success" role="status" data-testid="sign-success">
        <h3>{t("successTitle")}</h3>
        <p>{t("successBody", { email: state.email })}</p>
        <p className="muted">{t("successHint")}</p>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = checkSignatureForm(signatureFromForm(new FormData(event.currentTarget)));
    if (Object.keys(problems).length === 0) {
      lastSent.current = new FormData(event.currentTarget);
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(problems);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const fid = (name: string) => `${id}-${name}`;
  const describedBy = (name: string, hint?: boolean) =>
    [errors[name] ? `${fid(name)}-error` : null, hint ? `${fid(name)}-hint` : null].filter(Boolean).join(" ") ||
    undefined;
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`${fid(name)}-error`} className="field-error">
        {te.has(errors[name] as never) ? te(errors[name] as never) : te("invalid")}
      </p>
    ) : null;
  const labelFor: Record<string, string> = {
    name: t("name"),
    email: t("email"),
    country: t("country"),
    region: country === "US" ? t("regionUS") : country === "KR" ? t("regionKR") : t("region"),
    postalCode: country === "US" ? t("postalCodeUS") : t("postalCode"),
    comment: t("comment"),
    showName: t("showName"),
    wantsUpdates: t("wantsUpdates"),
  };
  const checking = state.status === "challenge" && scripted && solved < 3;
  const regionRequired = regionRules[country]?.required ?? false;
  const showRegion = country !== "";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form" aria-describedby={`${id}-privacy`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={formToken} />
      <div
        ref={summaryRef}
        tabIndex={-1}
        role="alert"
        data-testid="error-summary"
        className={errorCount || state.status === "error" ? "error-summary" : "visually-hidden"}
      >
        {errorCount > 0 && (
          <>
            <p>{t("errorSummary", { count: errorCount })}</p>
            <ul>
              {fieldOrder
                .filter((f) => errors[f])
                .map((f) => (
                  <li key={f}>
                    <a href={`#${fid(f)}`}>
                      {labelFor[f]}: {te.has(errors[f] as never) ? te(errors[f] as never) : te("invalid")}
                    </a>
                  </li>
                ))}
            </ul>
          </>
        )}
        {state.status === "error" && errorCount === 0 && (
          <p>{state.code === "unexpected" ? t("unexpectedError") : ta(state.code)}</p>
        )}
      </div>

      <p
        role="status"
        data-testid="challenge-status"
        className={state.status === "challenge" ? "notice" : "visually-hidden"}
      >
        {state.status === "challenge" ? (checking ? t("checking") : t("challengeNoScript")) : ""}
      </p>
      <Honeypot id={fid("website")} label={t("honeypot")} />

      <div className="field">
        <label htmlFor={fid("name")}>{labelFor.name}</label>
        <input
          id={fid("name")}
          name="name"
          autoComplete="name"
          required
          maxLength={limits.name}
          defaultValue={values?.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("name")}
        />
        {errorText("name")}
      </div>

      <div className="field">
        <label htmlFor={fid("email")}>{labelFor.email}</label>
        <input
          id={fid("email")}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={limits.email}
          defaultValue={values?.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email", true)}
        />
        <p id={`${fid("email")}-hint`} className="hint">
          {t("emailHint")}
        </p>
        {errorText("email")}
      </div>

      <div className="field">
        <label htmlFor={fid("country")}>{labelFor.country}</label>
        <select
          id={fid("country")}
          name="country"
          autoComplete="country"
          required
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describedBy("country")}
        >
          <option value="">{t("chooseCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {errorText("country")}
      </div>

      {showRegion && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={fid("region")}>
              {labelFor.region} {!regionRequired && <span className="muted">{t("optional")}</span>}
            </label>
            {hasRegionList(country) ? (
              <select
                id={fid("region")}
                name="region"
                key={country}
                autoComplete="address-level1"
                defaultValue={values?.region ?? ""}
                aria-invalid={errors.region ? true : undefined}
                aria-describedby={describedBy("region")}
                required={regionRequired}
              >
                <option value="">{t("chooseRegion")}</option>
                {regionOptions(country, locale).map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={fid("region")}
                name="region"
                key={country}
                autoComplete="address-level1"
                maxLength={limits.region}
                defaultValue={values?.region}
                aria-invalid={errors.region ? true : undefined}
                aria-describedby={describedBy("region")}
              />
            )}
            {errorText("region")}
          </div>
          <div className="field">
            <label htmlFor={fid("postalCode")}>
              {labelFor.postalCode} <span className="muted">{t("optional")}</span>
            </label>
            <input
              id={fid("postalCode")}
              name="postalCode"
              autoComplete="postal-code"
              maxLength={limits.postalCode}
              inputMode={country === "US" || country === "KR" ? "numeric" : undefined}
              defaultValue={values?.postalCode}
              aria-invalid={errors.postalCode ? true : undefined}
              aria-describedby={describedBy("postalCode")}
            />
            {errorText("postalCode")}
          </div>
        </div>
      )}

      <div className="field">
        <label htmlFor={fid("comment")}>
          {labelFor.comment} <span className="muted">{t("optional")}</span>
        </label>
        <textarea
          id={fid("comment")}
          name="comment"
          rows={3}
          maxLength={limits.comment}
          defaultValue={values?.comment}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy("comment", true)}
        />
        <p id={`${fid("comment")}-hint`} className="hint">
          {t("commentHint", { max: limits.comment })}
        </p>
        {errorText("comment")}
      </div>

      <div className="check">
        <input
          id={fid("showName")}
          name="showName"
          type="checkbox"
          defaultChecked={values?.showName ?? false}
          aria-describedby={`${fid("showName")}-hint`}
        />
        <label htmlFor={fid("showName")}>{labelFor.showName}</label>
        <p id={`${fid("showName")}-hint`} className="hint">
          {t("showNameHint")}
        </p>
      </div>

      <div className="check">
        <input
          id={fid("wantsUpdates")}
          name="wantsUpdates"
          type="checkbox"
          defaultChecked={values?.wantsUpdates ?? false}
        />
        <label htmlFor={fid("wantsUpdates")}>{labelFor.wantsUpdates}</label>
      </div>

      <button type="submit" className="button" disabled={pending || checking} aria-disabled={pending || checking}>
        {pending || checking ? t("submitting") : t("submit")}
      </button>
      <p id={`${id}-privacy`} className="hint privacy">
        {t("privacy")} <a href={`/${locale}/privacy#where`}>{t("whereLink")}</a>
      </p>
    </form>
  );
}
