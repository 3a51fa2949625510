// The composer's draft: what the writer has chosen and written so far, kept in the browser (localStorage, one
// draft per campaign) until the letter is sent, so that a reload or a step back loses nothing; and no longer than
// LETTER_DRAFT_DAYS after its last change, so that a shared or seized device does not keep it for ever.
import type { Appearance } from "@/lib/campaigns/appearance";
import { fieldErrorCodes } from "@/lib/infra/validation/field-error-codes";
import { fieldStep, letterInput, type LetterField, type LetterInput, type LetterLanguage } from "@/lib/letters/schema";

export const stepKeys = ["topics", "voice", "draft", "safety", "details", "preview"] as const;
export type StepKey = (typeof stepKeys)[number];
export const totalSteps = stepKeys.length;

export type Draft = {
  v: 1;
  step: number;
  /** The furthest step reached: the stepper lets the writer jump back to any step up to it. */
  reached: number;
  topics: string[];
  writerRole: string;
  ownWords: string;
  language: LetterLanguage;
  subject: string;
  body: string;
  /** Once the writer edits the text, new choices no longer overwrite it (they may rebuild it on purpose). */
  bodyEdited: boolean;
  /** The text for which the writer chose to keep the details the safety check pointed out. */
  keptFor: string | null;
  name: string;
  email: string;
  /** "Let the recipient's office reply to me by email": off unless the writer ticks it. */
  replyConsent: boolean;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  alsoSign: boolean;
  showName: boolean;
  /** How the writer appears to the recipient; "" until chosen, which sends the campaign's pre-selected choice. */
  appearance: Appearance | "";
  wantsUpdates: boolean;
  /** The form token of the page where this draft began: a restored draft sent at once is not "too fast". */
  formToken?: string;
  /** When it was last saved (ms since the epoch): it expires LETTER_DRAFT_DAYS later. */
  savedAt?: number;
};

export function emptyDraft(locale: string): Draft {
  return {
    v: 1,
    step: 1,
    reached: 1,
    topics: [],
    writerRole: "",
    ownWords: "",
    language: locale === "ko" ? "ko" : "en",
    subject: "",
    body: "",
    bodyEdited: false,
    keptFor: null,
    name: "",
    email: "",
    replyConsent: false,
    street: "",
    city: "",
    region: "",
    postalCode: "",
    country: locale === "ko" ? "KR" : "US",
    alsoSign: false,
    showName: false,
    appearance: "",
    wantsUpdates: false,
  };
}

const storageKey = (slug: string) => `open-letters:letter-draft:${slug}`;

const dayMs = 86_400_000;

/** The saved draft, unless it is older than `keepDays` (then it is erased); `now` is the browser's clock. */
export function loadDraft(
  slug: string,
  locale: string,
  { now = Date.now(), keepDays }: { now?: number; keepDays: number },
): Draft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(slug));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Draft>;
    // A draft without a date was saved before drafts expired: its age is unknown, so it goes.
    if (saved?.v !== 1 || typeof saved.savedAt !== "number" || now - saved.savedAt > keepDays * dayMs) {
      clearDraft(slug);
      return null;
    }
    const draft = { ...emptyDraft(locale), ...saved };
    draft.step = Math.min(Math.max(1, Number(draft.step) || 1), totalSteps);
    draft.reached = Math.max(draft.step, Math.min(Number(draft.reached) || 1, totalSteps));
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, draft: Draft, now = Date.now()): void {
  try {
    window.localStorage.setItem(storageKey(slug), JSON.stringify({ ...draft, savedAt: now }));
  } catch {
    // Private browsing or a full storage: the composer still works, the draft just does not survive a reload.
  }
}

export function clearDraft(slug: string): void {
  try {
    window.localStorage.removeItem(storageKey(slug));
  } catch {
    // Nothing to clear.
  }
}

/** What the API and the shared schema take. */
export function toLetterInput(draft: Draft, locale: string): LetterInput {
  return {
    topics: draft.topics,
    subject: draft.subject,
    body: draft.body,
    language: draft.language,
    writerRole: draft.writerRole || undefined,
    name: draft.name,
    email: draft.email,
    street: draft.street,
    city: draft.city,
    region: draft.region,
    postalCode: draft.postalCode,
    country: draft.country,
    alsoSign: draft.alsoSign,
    showName: draft.showName,
    appearance: draft.appearance || undefined,
    wantsUpdates: draft.wantsUpdates,
    replyConsent: draft.replyConsent,
    locale: locale === "ko" ? "ko" : "en",
  };
}

/** Problems with the draft, as codes per field, from the one shared schema. */
export function draftErrors(draft: Draft, locale: string): Record<string, string> {
  const parsed = letterInput.safeParse(toLetterInput(draft, locale));
  return parsed.success ? {} : fieldErrorCodes(parsed.error);
}

/** The problems that belong to one step. */
export function errorsForStep(errors: Record<string, string>, step: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).filter(([field]) => (fieldStep[field as LetterField] ?? totalSteps) === step),
  );
}

/** The first step with a problem, where the composer sends the writer back to. */
export function firstStepWithErrors(errors: Record<string, string>): number | null {
  const steps = Object.keys(errors).map((f) => fieldStep[f as LetterField] ?? totalSteps);
  return steps.length ? Math.min(...steps) : null;
}
