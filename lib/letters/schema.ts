// The one definition of a valid letter, shared by the composer and POST /api/campaigns/[slug]/letters.
// Issue messages are stable codes ("required", "too_short"); people see them translated (letterErrors, fieldErrors).
import { z } from "@/lib/infra/validation/zod";
import { isCountryCode } from "@/lib/infra/geo/countries";
import { checkAddress } from "@/lib/infra/geo/check-address";
import { locales } from "@/lib/infra/i18n/config";
import { appearances } from "@/lib/campaigns/appearance";
import { hasNonAsciiLocalPart } from "@/lib/infra/validation/email-checks";
import { blankToUndefined, hasOnlyAllowedChars, isBlank, line, optionalLine } from "@/lib/infra/validation/text";
import { abuseFields } from "@/lib/integrity/schema";
import { sourceCode } from "@/lib/campaigns/source-code";

export const letterLimits = {
  subject: { min: 3, max: 150 },
  body: { min: 100, max: 5000 },
  name: 100,
  email: 254,
  street: 200,
  city: 100,
  region: 100,
  postalCode: 16,
  topics: 20,
} as const;

// A letter of 5,000 Korean characters is ~15 KB of UTF-8 before JSON escaping: the letters endpoint takes up to
// 48 KiB, more than the 16 KiB default for signatures.
export const letterBodyLimit = 48 * 1024;

export const letterLanguages = ["en", "ko"] as const;
export type LetterLanguage = (typeof letterLanguages)[number];
export const writerRoles = ["defector", "relative", "supporter", "other"] as const;

// Anything that may reach a mail header (subject, name, address lines) is a `line`: no CR, LF, NUL or any other
// control character, which is how header injection starts. The body may have line breaks, but nothing else.

/** The letter's length as the composer counts it: characters, after the same trimming as the server. */
export function letterLength(body: string): number {
  return [...normalizeBody(body)].length;
}

export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, "\n").trim().normalize("NFC");
}

export const topicKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "invalid_topic" });

export const letterInput = z
  .object({
    topics: z
      .array(topicKey, { error: "required" })
      .min(1, { error: "choose_topic" })
      .max(letterLimits.topics, { error: "too_long" })
      .transform((keys) => [...new Set(keys)]),
    subject: line(letterLimits.subject.max, letterLimits.subject.min),
    body: z
      .string({ error: "required" })
      .transform(normalizeBody)
      .refine((v) => !isBlank(v), { error: "required" })
      .refine((v) => [...v].length >= letterLimits.body.min, { error: "too_short" })
      .refine((v) => [...v].length <= letterLimits.body.max, { error: "too_long" })
      .refine((v) => hasOnlyAllowedChars(v, { newlines: true }), { error: "invalid_characters" }),
    language: z.enum(letterLanguages, { error: "invalid_language" }),
    writerRole: z.preprocess(blankToUndefined, z.enum(writerRoles, { error: "invalid" }).optional()),
    name: line(letterLimits.name),
    email: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(letterLimits.email, { error: "too_long" })
      .refine((v) => hasOnlyAllowedChars(v), { error: "invalid_characters" })
      .refine((v) => !hasNonAsciiLocalPart(v), { error: "email_local_ascii" })
      .pipe(z.email({ error: "invalid_email" })),
    street: optionalLine(letterLimits.street),
    city: line(letterLimits.city),
    region: optionalLine(letterLimits.region),
    postalCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .max(letterLimits.postalCode, { error: "too_long" })
        .regex(/^[A-Z0-9][A-Z0-9 -]*$/, { error: "invalid_postal_code" })
        .optional(),
    ),
    country: z
      .string({ error: "required" })
      .trim()
      .toUpperCase()
      .min(1, { error: "required" })
      .refine(isCountryCode, { error: "invalid_country" }),
    alsoSign: z.boolean({ error: "invalid_boolean" }).default(false),
    showName: z.boolean({ error: "invalid_boolean" }).default(false),
    // How the writer appears to the target; left out, the campaign's risk setting decides (submit-letter.ts).
    appearance: z.preprocess(blankToUndefined, z.enum(appearances, { error: "invalid_appearance" }).optional()),
    wantsUpdates: z.boolean({ error: "invalid_boolean" }).default(false),
    /** Only with this ticked does the writer's address become the delivered letter's Reply-To. */
    replyConsent: z.boolean({ error: "invalid_boolean" }).default(false),
    locale: z.enum(locales, { error: "invalid_locale" }).optional(),
    /** The link's `?source=` code; one of another shape is dropped, not refused. */
    source: z.preprocess(sourceCode, z.string().optional()),
    ...abuseFields,
  })
  .superRefine(checkAddress);

export type LetterInput = z.input<typeof letterInput>;
export type Letter = z.output<typeof letterInput>;
export type LetterField = keyof LetterInput;

/** Which composer step owns each field: where the composer sends the writer to fix a problem. */
export const fieldStep: Record<LetterField, number> = {
  topics: 1,
  writerRole: 2,
  language: 2,
  subject: 3,
  body: 3,
  name: 5,
  email: 5,
  street: 5,
  city: 5,
  region: 5,
  postalCode: 5,
  country: 5,
  alsoSign: 5,
  showName: 5,
  appearance: 5,
  wantsUpdates: 5,
  replyConsent: 5,
  locale: 5,
  source: 6,
  formToken: 6,
  website: 6,
  challenge: 6,
};
