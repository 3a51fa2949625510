"use client";

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
} from "react";
import { useTranslations } from "next-intl";
import { assembleLetter } from "@/lib/letters/assemble-letter";
import { letterDeliveryFor, type LetterFooterTexts } from "@/lib/delivery/compose-letter-delivery";
import type { ComposerCampaign } from "@/lib/letters/get-composer-campaign";
import { measurePersonalisation } from "@/lib/letters/personalisation";
import { checkLetterSafety } from "@/lib/letters/safety-check";
import { letterInput, type LetterInput, type LetterLanguage } from "@/lib/letters/schema";
import {
  clearDraft,
  draftErrors,
  emptyDraft,
  errorsForStep,
  firstStepWithErrors,
  loadDraft,
  saveDraft,
  stepKeys,
  toLetterInput,
  totalSteps,
  type Draft,
} from "./draft";
import { useErrorMessage } from "./fields";
import { solveChallenge } from "@/lib/integrity/solve-challenge";
import type { Challenge } from "@/lib/integrity/schema";
import { Honeypot } from "@/components/ui/honeypot";
import { Stepper } from "./stepper";
import { StepTopics } from "./step-topics";
import { StepVoice } from "./step-voice";
import { StepDraft } from "./step-draft";
import { StepSafety } from "./step-safety";
import { StepDetails, useDetailLabels } from "./step-details";
import { StepPreview } from "./step-preview";

export type LetterTexts = Record<LetterLanguage, { subject: string; greeting: string; closing: string }>;
export type SubmitResult =
  { ok: true } | { ok: false; code?: string; fields?: Record<string, string>; challenge?: Challenge };
export type SubmitLetter = (slug: string, input: LetterInput, locale: string) => Promise<SubmitResult>;

const noSubscribe = () => () => {};

type Props = {
  campaign: Pick<ComposerCampaign, "slug" | "targetName" | "topics" | "delivery" | "defaultAppearance">;
  /** The footer the delivery adds, in the delivery's language. */
  deliveryTexts: LetterFooterTexts;
  locale: string;
  countries: { code: string; name: string }[];
  /** Per letter language: default subject, greeting and closing of the first draft. */
  letterTexts: LetterTexts;
  /** Why the safety check matters, in both languages. */
  explanations: Record<LetterLanguage, string>;
  /** The signed render time (lib/infra/security/form-token.ts). */
  formToken: string;
  /** LETTER_DRAFT_DAYS: how long the draft stays in this browser after its last change. */
  draftDays: number;
  submit?: SubmitLetter;
  /** The thank-you step shown under the success message (components/sharing/share-panel.tsx). */
  thanks?: ReactNode;
};

/** Sends the letter to the JSON endpoint, which validates it with the same schema. */
export const postLetter: SubmitLetter = async (slug, input, locale) => {
  try {
    const res = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/letters`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify(input),
    });
    if (res.status === 202) return { ok: true };
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; fields?: Record<string, { code: string }>; challenge?: Challenge };
    } | null;
    const fields = body?.error?.fields
      ? Object.fromEntries(Object.entries(body.error.fields).map(([k, v]) => [k, v.code]))
      : undefined;
    return { ok: false, code: body?.error?.code, fields, challenge: body?.error?.challenge };
  } catch {
    return { ok: false };
  }
};

/**
 * The six-step letter composer. The draft lives in the browser until it is sent; every step checks its part
 * with the shared schema, shows problems beside their fields and in a summary announced to screen readers,
 * and moving between steps puts the focus on the new step's heading.
 */
export function Composer({
  campaign,
  locale,
  countries,
  letterTexts,
  explanations,
  formToken,
  deliveryTexts,
  draftDays,
  submit = postLetter,
  thanks,
}: Props) {
  const t = useTranslations("composer");
  const ta = useTranslations("apiErrors");
  const message = useErrorMessage();
  const id = useId();
  const fid = (name: string) => `${id}-${name}`;
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft(locale), formToken }));
  const [restored, setRestored] = useState(false);
  // False in the server's HTML (and so without JavaScript), true once the composer runs in the browser.
  const scripted = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [checking, setChecking] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const focusNext = useRef<"heading" | "summary" | "success" | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const detailLabels = useDetailLabels(draft.country);

  // The saved draft is read after the first render, so that the server's HTML and the browser's first render agree.
  useEffect(() => {
    const saved = loadDraft(campaign.slug, locale, { keepDays: draftDays });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from localStorage can only happen in the browser
    if (saved) setDraft(saved.formToken ? saved : { ...saved, formToken });
    setRestored(true);
  }, [campaign.slug, locale, formToken, draftDays]);
  useEffect(() => {
    if (restored && sentTo === null) saveDraft(campaign.slug, draft);
  }, [draft, restored, sentTo, campaign.slug]);
  useEffect(() => {
    const target =
      focusNext.current === "heading"
        ? headingRef
        : focusNext.current === "summary"
          ? summaryRef
          : focusNext.current === "success"
            ? successRef
            : null;
    focusNext.current = null;
    target?.current?.focus();
  });

  const texts = letterTexts[draft.language];
  const paragraphs = (d: Draft) =>
    campaign.topics
      .filter((topic) => d.topics.includes(topic.key))
      .map((topic) => topic.paragraphs[d.language] ?? Object.values(topic.paragraphs)[0] ?? "");
  const build = (d: Draft) =>
    assembleLetter({
      greeting: letterTexts[d.language].greeting,
      ownWords: d.ownWords,
      paragraphs: paragraphs(d),
      closing: letterTexts[d.language].closing,
    });
  const templates = useMemo(
    () => [...campaign.topics.map((topic) => topic.paragraphs[draft.language] ?? ""), texts.greeting, texts.closing],
    [campaign.topics, draft.language, texts.greeting, texts.closing],
  );
  const personal = useMemo(() => measurePersonalisation(draft.body, templates), [draft.body, templates]);
  const checked = `${draft.subject.trim()}\n\n${draft.body.trim()}`;
  const findings = useMemo(() => checkLetterSafety(checked), [checked]);

  const update = (patch: Partial<Draft>) => {
    setDiscarded(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  function problemsAt(d: Draft, step: number): Record<string, string> {
    if (step === 4) {
      const text = `${d.subject.trim()}\n\n${d.body.trim()}`;
      return checkLetterSafety(text).length > 0 && d.keptFor !== text ? { safety: "safety_unreviewed" } : {};
    }
    return errorsForStep(draftErrors(d, locale), step);
  }

  /** The draft as step 3 first shows it: built from the choices, unless the writer has already made it their own. */
  function prepared(d: Draft): Draft {
    if (d.bodyEdited) return d;
    const defaults = Object.values(letterTexts).map((x) => x.subject);
    const subject =
      d.subject.trim() === "" || defaults.includes(d.subject) ? letterTexts[d.language].subject : d.subject;
    return { ...d, subject, body: build(d) };
  }

  function go(target: number) {
    setFormError(null);
    let next = draft;
    if (target > draft.step) {
      for (let step = draft.step; step < target; step++) {
        if (step === 2 || (step < 3 && target >= 3)) next = prepared(next);
        const problems = problemsAt(next, step);
        if (Object.keys(problems).length > 0) {
          setDraft({ ...next, step });
          setErrors(problems);
          focusNext.current = "summary";
          return;
        }
      }
    }
    setErrors({});
    setDraft({ ...next, step: target, reached: Math.max(next.reached, target) });
    focusNext.current = "heading";
  }

  async function send(website: string) {
    const all = { ...draftErrors(draft, locale), ...problemsAt(draft, 4) };
    const first = firstStepWithErrors(all) ?? (all.safety ? 4 : null);
    if (first !== null) {
      setDraft((d) => ({ ...d, step: first }));
      setErrors(first === 4 ? { safety: all.safety! } : errorsForStep(all, first));
      focusNext.current = "summary";
      return;
    }
    setSending(true);
    setFormError(null);
    // The `?source=` code of the link the writer came by (dropped by the schema if it is not one).
    const source = new URLSearchParams(window.location.search).get("source") ?? undefined;
    const input = { ...toLetterInput(draft, locale), formToken: draft.formToken ?? formToken, website, source };
    let result = await submit(campaign.slug, input, locale);
    // Under abuse the server asks for a proof of work: solve it here and send again, a few times at most.
    for (let tries = 0; tries < 3 && !result.ok && result.code === "challenge_required" && result.challenge; tries++) {
      const { token } = result.challenge;
      setChecking(true);
      const nonce = await solveChallenge(result.challenge).catch(() => null);
      setChecking(false);
      if (nonce === null) break;
      result = await submit(campaign.slug, { ...input, challenge: { token, nonce } }, locale);
    }
    setSending(false);
    if (result.ok) {
      clearDraft(campaign.slug);
      setSentTo(draft.email.trim());
      focusNext.current = "success";
      return;
    }
    const step = result.fields ? firstStepWithErrors(result.fields) : null;
    if (result.fields && step !== null) {
      setDraft((d) => ({ ...d, step }));
      setErrors(errorsForStep(result.fields, step));
    } else {
      const known = ["campaign_closed", "campaign_not_found", "rate_limited", "challenge_required"] as const;
      const code = known.find((c) => c === result.code);
      setFormError(code ? ta(code) : message("unexpected"));
    }
    focusNext.current = "summary";
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.step < totalSteps) go(draft.step + 1);
    else void send(String(new FormData(event.currentTarget).get("website") ?? ""));
  }

  function discard() {
    clearDraft(campaign.slug);
    setDraft(emptyDraft(locale));
    setErrors({});
    setFormError(null);
    setDiscarded(true);
    focusNext.current = "heading";
  }

  if (sentTo !== null) {
    return (
      <>
        <div ref={successRef} tabIndex={-1} role="status" className="success" data-testid="letter-success">
          <h2>{t("success.title")}</h2>
          <p>{t("success.body", { email: sentTo })}</p>
          <p className="muted">{t("success.hint")}</p>
        </div>
        {thanks}
      </>
    );
  }

  const labels: Record<string, string> = {
    topics: t("topics.legend"),
    writerRole: t("voice.roleLegend"),
    language: t("voice.languageLegend"),
    subject: t("draft.subject"),
    body: t("draft.body"),
    safety: t("safety.keep"),
    ...detailLabels,
  };
  const errorCount = Object.keys(errors).length;
  const step = draft.step;
  const stepProps = { draft, update, errors, fid };
  // The preview is the delivery itself, from the draft as the server will store it (the one shared schema).
  const parsed = step === 6 ? letterInput.safeParse(toLetterInput(draft, locale)) : null;
  // A writer who left "how I appear" untouched appears as the campaign's default, as submit-letter.ts stores it.
  const delivery = parsed?.success
    ? letterDeliveryFor(
        { ...parsed.data, appearance: parsed.data.appearance ?? campaign.defaultAppearance },
        campaign.delivery,
        deliveryTexts,
      )
    : null;

  return (
    <div className="composer">
      <Stepper step={step} reached={draft.reached} onGo={go} />
      <form
        className="composer-step"
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={fid("heading")}
        data-step={stepKeys[step - 1]}
      >
        <h2 id={fid("heading")} ref={headingRef} tabIndex={-1}>
          {t("stepOf", { step, total: totalSteps, name: t(`steps.${stepKeys[step - 1]!}`) })}
        </h2>
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          data-testid="error-summary"
          className={errorCount || formError ? "error-summary" : "visually-hidden"}
        >
          {errorCount > 0 && (
            <>
              <p>{t("errorSummary", { count: errorCount })}</p>
              <ul>
                {Object.entries(errors).map(([field, code]) => (
                  <li key={field}>
                    <a href={`#${fid(field)}`}>
                      {labels[field] ?? field}: {message(code)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {formError && errorCount === 0 && <p>{formError}</p>}
        </div>
        <p role="status" data-testid="challenge-status" className={checking ? "notice" : "visually-hidden"}>
          {checking ? t("checking") : ""}
        </p>
        <Honeypot id={fid("website")} label={t("honeypot")} />
        <input type="hidden" name="formToken" value={draft.formToken ?? formToken} />

        {step === 1 && <StepTopics {...stepProps} topics={campaign.topics} />}
        {step === 2 && <StepVoice {...stepProps} />}
        {step === 3 && (
          <StepDraft
            {...stepProps}
            personal={personal}
            onRebuild={() => update({ body: build(draft), bodyEdited: false })}
          />
        )}
        {step === 4 && (
          <StepSafety
            {...stepProps}
            checked={checked}
            findings={findings}
            explanations={explanations}
            onEdit={() => go(3)}
          />
        )}
        {step === 5 && (
          <StepDetails
            {...stepProps}
            countries={countries}
            locale={locale}
            defaultAppearance={campaign.defaultAppearance}
          />
        )}
        {step === 6 && (
          <StepPreview
            {...stepProps}
            targetName={campaign.targetName}
            sending={sending}
            delivery={delivery}
            locale={locale}
          />
        )}

        <div className="composer-nav">
          {step > 1 && (
            <button type="button" className="button button-secondary" onClick={() => go(step - 1)}>
              {t("back")}
            </button>
          )}
          {step < totalSteps && (
            // Disabled in the server's HTML: without JavaScript, pressing it would only reload an empty composer
            // (the page says the composer needs JavaScript).
            <button type="submit" className="button" disabled={!scripted}>
              {t("next")}
            </button>
          )}
        </div>
      </form>
      <p className="hint composer-storage">
        {t("keptHere", { days: draftDays })}{" "}
        <button type="button" className="link-button" onClick={discard}>
          {t("discard")}
        </button>
      </p>
      <p role="status" className={discarded ? "hint" : "visually-hidden"}>
        {discarded ? t("discarded") : ""}
      </p>
    </div>
  );
}
