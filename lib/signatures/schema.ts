// The one definition of a valid signature, shared by the sign form and POST /api/campaigns/[slug]/signatures.
// Issue messages are stable codes ("required", "invalid_email"); people see them translated (messages: fieldErrors).
// Its limits and patterns live in ./rules.ts, so the form can check them in the browser without zod.
import { z } from "@/lib/infra/validation/zod";
import { isCountryCode } from "@/lib/infra/geo/countries";
import { checkAddress } from "@/lib/infra/geo/check-address";
import { locales } from "@/lib/infra/i18n/config";
import { appearances } from "@/lib/campaigns/appearance";
import { hasNonAsciiLocalPart } from "@/lib/infra/validation/email-checks";
import { blankToUndefined, line, optionalLine, optionalParagraphs } from "@/lib/infra/validation/text";
import { abuseFields } from "@/lib/integrity/schema";
import { sourceCode } from "@/lib/campaigns/source-code";
import { emailFormat, limits, postalCodeFormat } from "./rules";

export const signatureInput = z
  .object({
    name: line(limits.name),
    email: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(limits.email, { error: "too_long" })
      .refine((v) => !hasNonAsciiLocalPart(v), { error: "email_local_ascii" })
      .pipe(z.email({ pattern: emailFormat, error: "invalid_email" })),
    country: z
      .string({ error: "required" })
      .trim()
      .toUpperCase()
      .min(1, { error: "required" })
      .refine(isCountryCode, { error: "invalid_country" }),
    region: optionalLine(limits.region),
    postalCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .max(limits.postalCode, { error: "too_long" })
        .regex(postalCodeFormat, { error: "invalid_postal_code" })
        .optional(),
    ),
    // A comment may have line breaks, but no other control characters.
    comment: optionalParagraphs(limits.comment),
    showName: z.boolean({ error: "invalid_boolean" }).default(false),
    // How the signer appears to the target; left out, the campaign's risk setting decides (sign-petition.ts).
    appearance: z.preprocess(blankToUndefined, z.enum(appearances, { error: "invalid_appearance" }).optional()),
    wantsUpdates: z.boolean({ error: "invalid_boolean" }).default(false),
    locale: z.enum(locales, { error: "invalid_locale" }).optional(),
    /** The link's `?source=` code; one of another shape is dropped, not refused. */
    source: z.preprocess(sourceCode, z.string().optional()),
    ...abuseFields,
  })
  .superRefine(checkAddress);

export type SignatureInput = z.input<typeof signatureInput>;
export type Signature = z.output<typeof signatureInput>;
export type SignatureField = keyof SignatureInput;
