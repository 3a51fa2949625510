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
  type ReactNode,
} from "react";
import { useTranslations } from "next-intl";
import type { SignatureField } from "@/lib/signatures/schema";
import { limits } from "@/lib/signatures/rules";
import type { CommentText } from "@/lib/signatures/comment-text";
import { checkSignatureForm } from "@/lib/signatures/check-signature-form";
import { signatureFromForm, type SignFormState } from "@/lib/signatures/form-data";
import { hasRegionList, regionOptions, regionRules } from "@/lib/infra/geo/regions";
import { solveChallenge } from "@/lib/integrity/solve-challenge";
import { Honeypot } from "@/components/ui/honeypot";
import { OptionsSelect } from "@/components/ui/options-select";
import { isAppearance, type Appearance } from "@/lib/campaigns/appearance";
import { AppearanceChoice } from "./appearance-choice";
import { sourceCode } from "@/lib/campaigns/source-code";
import { CommentField } from "./comment-field";
import { clearSignDraft, readSignDraft, saveSignDraft, type SignDraft } from "./sign-draft";

type Props = {
  action: (state: SignFormState, form: FormData) => Promise<SignFormState>;
  locale: string;
  countries: { code: string; name: string }[];
  /** The signed render time (lib/infra/security/form-token.ts). */
  formToken: string;
  /** The pre-selected "how you appear to the recipient": the campaign's risk setting picks it. */
  defaultAppearance: Appearance;
  /** The `?source=` code of the link the signer came by, kept with the signature. */
  source?: string;
  /** The thank-you step shown under the success message (components/sharing/share-panel.tsx). */
  thanks?: ReactNode;
  /** SIGN_MIN_SECONDS: a form sent back sooner is stored as suspected, so the browser waits out the rest first. */
  minSeconds: number;
  /** The campaign's slug: what the signer typed is kept under it when they switch the page's language. */
  slug?: string;
  /** The comment's hint and empty count, written on the server (lib/signatures/comment-text.ts). */
  commentText: CommentText;
};

/** Added to the minimum wait, for the time between the server signing the token and this form appearing. */
const waitMarginMs = 250;

const noSubscribe = () => () => {};

const fieldOrder: SignatureField[] = [
  "name",
  "email",
  "country",
  "region",
  "postalCode",
  "comment",
  "appearance",
  "showName",
  "wantsUpdates",
];

/**
 * The sign form. Checks input with the same rules as the server's schema before sending (without loading zod),
 * shows each problem beside its field and in a summary announced to screen readers, and works without JavaScript
 * through the server action.
 */
export function SignForm({
  action,
  locale,
  countries,
  formToken,
  defaultAppearance,
  source: sourceProp,
  thanks,
  minSeconds,
  slug,
  commentText,
}: Props) {
  const t = useTranslations("signForm");
  const te = useTranslations("fieldErrors");
  const ta = useTranslations("apiErrors");
  const tp = useTranslations("appearance");
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as SignFormState);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const values =
    state.status === "invalid" || state.status === "error" || state.status === "challenge" ? state.values : undefined;
  const firstCountry = values?.country || (locale === "ko" ? "KR" : "US");
  const [country, setCountry] = useState(firstCountry);
  // Answers typed on this campaign's page in the other language (./sign-draft.ts), restored once after loading.
  const [draft, setDraft] = useState<SignDraft | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  // What was last sent: sent again, with the solution, when the server asks for a challenge first.
  const lastSent = useRef<FormData | null>(null);
  const [solved, setSolved] = useState(0);
  // When the form appeared (after the server signed its token), and whether a valid form waits out the minimum time.
  const shownAt = useRef<number | null>(null);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  // False in the server's HTML (and so without JavaScript), true once the form runs in the browser.
  const scripted = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

  // A cached page is rendered without the address's query: the browser reads the code from the address itself.
  const sourceInAddress = useSyncExternalStore(
    noSubscribe,
    () => sourceCode(new URLSearchParams(window.location.search).get("source")) ?? "",
    () => "",
  );
  const source = sourceInAddress || values?.source || sourceProp || "";

  const errors = clientErrors ?? (state.status === "invalid" ? state.fields : {});
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    const kept = slug && !values ? readSignDraft(slug) : null;
    if (!kept) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage can only be read in the browser
    setDraft(kept);
    if (kept.country) setCountry(kept.country);
    // Once, on arrival: later answers are the person's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (state.status === "ok" && slug) clearSignDraft(slug);
  }, [state.status, slug]);

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
      <>
        <div ref={successRef} tabIndex={-1} className="success" role="status" data-testid="sign-success">
          <h3>{t("successTitle")}</h3>
          <p>{t(state.emailed === "recently" ? "successRecentBody" : "successBody", { email: state.email })}</p>
          <p className="muted">{t("successHint")}</p>
        </div>
        {thanks}
      </>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = checkSignatureForm(signatureFromForm(new FormData(event.currentTarget)));
    if (Object.keys(problems).length === 0) {
      const data = new FormData(event.currentTarget);
      lastSent.current = data;
      setClientErrors(null);
      // A person whose browser filled the form in for them may press Sign sooner than the silent check allows:
      // hold the form back until then instead of letting it be stored as suspected.
      const wait =
        shownAt.current === null ? 0 : shownAt.current + minSeconds * 1000 + waitMarginMs - performance.now();
      if (minSeconds > 0 && wait > 0) {
        event.preventDefault();
        setWaiting(true);
        window.setTimeout(() => {
          setWaiting(false);
          startTransition(() => formAction(data));
        }, wait);
      }
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
    appearance: tp("legend"),
    showName: t("showName"),
    wantsUpdates: t("wantsUpdates"),
  };
  const checking = state.status === "challenge" && scripted && solved < 3;
  const busy = pending || checking || waiting;
  const regionRequired = regionRules[country]?.required ?? false;
  const showRegion = country !== "";

  return (
    <form
      key={draft ? "restored" : "new"}
      action={formAction}
      onSubmit={onSubmit}
      onChange={slug ? (e) => saveSignDraft(slug, e.currentTarget) : undefined}
      noValidate
      className="sign-form"
      aria-describedby={`${id}-privacy`}
      data-scripted={scripted || undefined}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="source" value={source} />
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
        {state.status === "challenge"
          ? checking
            ? t("checking")
            : t("challengeNoScript", { seconds: state.waitTicket.waitSeconds })
          : ""}
      </p>
      {state.status === "challenge" && !scripted && (
        // Without JavaScript: the signed ticket, sent again after the wait, counts as the browser check.
        <>
          <input type="hidden" name="challengeToken" value={state.waitTicket.token} />
          <input type="hidden" name="challengeNonce" value="0" />
        </>
      )}
      <Honeypot id={fid("website")} label={t("honeypot")} />

      <div className="field">
        <label htmlFor={fid("name")}>{labelFor.name}</label>
        <input
          id={fid("name")}
          name="name"
          autoComplete="name"
          required
          maxLength={limits.name}
          defaultValue={values?.name ?? draft?.name}
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
          defaultValue={values?.email ?? draft?.email}
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
        <OptionsSelect
          id={fid("country")}
          name="country"
          autoComplete="country"
          required
          placeholder={t("chooseCountry")}
          options={countries}
          selected={firstCountry}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describedBy("country")}
        />
        {errorText("country")}
      </div>

      {showRegion && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={fid("region")}>
              {labelFor.region} {!regionRequired && <span className="muted">{t("optional")}</span>}
            </label>
            {hasRegionList(country) ? (
              <OptionsSelect
                id={fid("region")}
                name="region"
                key={country}
                autoComplete="address-level1"
                placeholder={t("chooseRegion")}
                options={regionOptions(country, locale)}
                selected={values?.region ?? draft?.region ?? ""}
                aria-invalid={errors.region ? true : undefined}
                aria-describedby={describedBy("region")}
                required={regionRequired}
              />
            ) : (
              <input
                id={fid("region")}
                name="region"
                key={country}
                autoComplete="address-level1"
                maxLength={limits.region}
                defaultValue={values?.region ?? draft?.region}
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
              defaultValue={values?.postalCode ?? draft?.postalCode}
              aria-invalid={errors.postalCode ? true : undefined}
              aria-describedby={describedBy("postalCode")}
            />
            {errorText("postalCode")}
          </div>
        </div>
      )}

      <AppearanceChoice
        id={fid("appearance")}
        defaultValue={isAppearance(values?.appearance) ? values.appearance : defaultAppearance}
        error={
          errors.appearance
            ? te.has(errors.appearance as never)
              ? te(errors.appearance as never)
              : te("invalid")
            : undefined
        }
      />

      <CommentField
        id={fid("comment")}
        label={
          <>
            {labelFor.comment} <span className="muted">{t("optional")}</span>
          </>
        }
        max={limits.comment}
        emptyCountText={commentText.emptyCount}
        defaultValue={values?.comment ?? draft?.comment}
        invalid={Boolean(errors.comment)}
        describedBy={describedBy("comment", true)}
        hint={
          <p id={`${fid("comment")}-hint`} className="hint">
            {commentText.hint}
          </p>
        }
        error={errorText("comment")}
      />

      <div className="check">
        <input
          id={fid("showName")}
          name="showName"
          type="checkbox"
          defaultChecked={values?.showName ?? draft?.showName ?? false}
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
          defaultChecked={values?.wantsUpdates ?? draft?.wantsUpdates ?? false}
        />
        <label htmlFor={fid("wantsUpdates")}>{labelFor.wantsUpdates}</label>
      </div>

      <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
        {busy ? t("submitting") : t("submit")}
      </button>
      <p role="status" className="visually-hidden" data-testid="sign-sending">
        {waiting || pending ? t("submitting") : ""}
      </p>
      <p id={`${id}-privacy`} className="hint privacy">
        {t("privacy")} <a href={`/${locale}/privacy#where`}>{t("whereLink")}</a>
      </p>
    </form>
  );
}
