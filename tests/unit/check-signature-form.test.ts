// The sign form's browser check (no zod) must report what the server's schema reports: the same first code per
// field, and nothing when the schema accepts. Compared on generated form input, Unicode edge cases included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "@/lib/infra/validation/zod";
import { checkSignatureForm } from "@/lib/signatures/check-signature-form";
import { emailFormat } from "@/lib/signatures/rules";
import { fieldErrorCodes } from "@/lib/infra/validation/field-error-codes";
import { signatureInput } from "@/lib/signatures/schema";
import type { SignFormValues } from "@/lib/signatures/form-data";
import { anyText, chars } from "../integration/fuzz/arbitraries";
import { fuzzSeed } from "../integration/fuzz/config";

/** What the server action gets from signatureFromForm, minus the abuse fields (the server's alone to judge). */
function serverCodes(values: SignFormValues): Record<string, string> {
  const parsed = signatureInput.safeParse(values);
  return parsed.success ? {} : fieldErrorCodes(parsed.error);
}

const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const email = fc.oneof(
  anyText(254),
  fc.emailAddress(),
  fc.constantFrom(
    "jimin@example.org",
    " x@example.test ",
    "a@b",
    "@",
    "a@",
    "가@나.한국",
    "홍길동@example.com",
    "jimin@나.한국",
    "a@😀.com",
    "a@b@c.de",
    `${"a".repeat(250)}@example.org`,
    "a..b@example.org",
    ".a@example.org",
  ),
);
const country = fc.oneof(
  anyText(2),
  fc.constantFrom("US", "KR", "us", " kr ", "FR", "GB", "XX", "", "ſs", "ＵＳ", "US\u0000"),
);
const region = fc.oneof(anyText(100), fc.constantFrom("NY", "CA", "ny", " 11 ", "11", "99", "Île-de-France"));
const postalCode = fc.oneof(
  anyText(16),
  fc.constantFrom("10001", "10001-1234", "1234", "03154", "123456", "sw1a 1aa", "-1", " 75008 ", "ß".repeat(9)),
);
const formValues: fc.Arbitrary<SignFormValues> = fc.record({
  name: fc.oneof(anyText(100), fc.constantFrom("Kim Ji-min", "김지민")),
  email,
  country,
  region: sometimes(region),
  postalCode: sometimes(postalCode),
  comment: sometimes(
    fc.oneof(
      anyText(1000),
      fc.string({ unit: fc.oneof(chars.letter, chars.whitespace, chars.control), maxLength: 30 }),
    ),
  ),
  showName: fc.boolean(),
  appearance: sometimes(fc.constantFrom("full", "initials", "counted", "", " ", "public", "FULL")),
  wantsUpdates: fc.boolean(),
  locale: sometimes(fc.constantFrom("en", "ko", "ja", "EN")),
});

describe("checkSignatureForm", () => {
  it("reports the schema's first code per field, on generated form input", () => {
    fc.assert(
      fc.property(formValues, (values) => {
        expect(checkSignatureForm(values)).toEqual(serverCodes(values));
      }),
      { seed: fuzzSeed, numRuns: 3000 },
    );
  });

  it.each<[string, Partial<SignFormValues>]>([
    ["a valid US signature", {}],
    ["a blank name", { name: " \u3164 " }],
    ["a name over the limit after NFC", { name: "e\u0301".repeat(60) }],
    ["a control character in the name", { name: "a\u0085b" }],
    ["a missing email", { email: "   " }],
    ["an email over the limit", { email: `${"a".repeat(250)}@example.org` }],
    ["an email without a domain", { email: "jimin@" }],
    ["an unknown country", { country: "xx" }],
    ["no state in the US", { region: "" }],
    ["a state that is not one", { region: "ZZ" }],
    ["a ZIP in the wrong format", { postalCode: "1234" }],
    ["a postal code with symbols elsewhere", { country: "FR", region: undefined, postalCode: "75#08" }],
    ["a Korean province and postal code", { country: "kr", region: "11", postalCode: "03154" }],
    ["a comment with a bell", { comment: "a\u0007b" }],
    ["a comment with line breaks", { comment: "one\r\ntwo" }],
    ["several problems at once", { name: "", email: "x", region: "\u0000" }],
    ["each way to appear", { appearance: "counted" }],
    ["an unknown way to appear, with an address problem", { appearance: "public", region: "ZZ" }],
  ])("agrees with the schema on %s", (_label, change) => {
    const values: SignFormValues = {
      name: "Kim Ji-min",
      email: "jimin@example.org",
      country: "US",
      region: "NY",
      postalCode: "10001",
      showName: false,
      wantsUpdates: false,
      locale: "en",
      ...change,
    };
    expect(checkSignatureForm(values)).toEqual(serverCodes(values));
  });

  it("uses zod's own email pattern", () => {
    expect(emailFormat.source).toBe(z.regexes.email.source);
  });
});
