// The sign form's check before sending, without zod (kept out of the page's JavaScript): the same rules as
// signatureInput (./schema.ts), reporting the same first issue code per field as fieldErrorCodes (lib/infra/validation) does for it.
// tests/unit/check-signature-form.test.ts compares the two on generated input.
import { addressIssues } from "@/lib/infra/geo/check-address";
import { isCountryCode } from "@/lib/infra/geo/countries";
import { isLocale } from "@/lib/infra/i18n/config";
import { isAppearance } from "@/lib/campaigns/appearance";
import { hasNonAsciiLocalPart } from "@/lib/infra/validation/email-checks";
import { codePointLength, isBlank, lineIssue, paragraphsIssue } from "@/lib/infra/validation/text-checks";
import type { SignFormValues } from "./form-data";
import { emailFormat, limits, postalCodeFormat } from "./rules";

const given = (v: string | undefined) => (v === undefined || isBlank(v) ? undefined : v);

function emailIssue(value: string): string | undefined {
  const v = value.trim();
  if (v.length < 1) return "required";
  if (codePointLength(v) > limits.email) return "too_long";
  if (hasNonAsciiLocalPart(v)) return "email_local_ascii";
  return emailFormat.test(v) ? undefined : "invalid_email";
}

function countryIssue(country: string): string | undefined {
  if (country.length < 1) return "required";
  return isCountryCode(country) ? undefined : "invalid_country";
}

function postalCodeIssue(postalCode: string): string | undefined {
  if (codePointLength(postalCode) > limits.postalCode) return "too_long";
  return postalCodeFormat.test(postalCode) ? undefined : "invalid_postal_code";
}

/** Field name to issue code, empty when the form may be sent. Abuse fields (token, honeypot) are the server's to judge. */
export function checkSignatureForm(values: SignFormValues): Record<string, string> {
  const country = values.country.trim().toUpperCase();
  const region = given(values.region)?.trim().normalize("NFC");
  const postalCode = given(values.postalCode)?.trim().toUpperCase();
  const comment = given(values.comment);
  const found: Record<string, string | undefined> = {
    name: lineIssue(values.name, limits.name),
    email: emailIssue(values.email),
    country: countryIssue(country),
    region: region === undefined ? undefined : lineIssue(region, limits.region),
    postalCode: postalCode === undefined ? undefined : postalCodeIssue(postalCode),
    comment: comment === undefined ? undefined : paragraphsIssue(comment, limits.comment),
    locale: values.locale === undefined || isLocale(values.locale) ? undefined : "invalid_locale",
    appearance:
      given(values.appearance) === undefined || isAppearance(values.appearance) ? undefined : "invalid_appearance",
  };
  // Like the schema's superRefine: address rules on the normalised values, after each field's own first issue. zod
  // skips the refinement after an issue that stops parsing; of a form's fields only the two enums raise one.
  if (found.locale === undefined && found.appearance === undefined) {
    for (const { field, code } of addressIssues({ country, region, postalCode })) found[field] ??= code;
  }
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined));
}
