import { describe, expect, it } from "vitest";
import { fieldErrorCodes } from "@/lib/infra/validation/field-error-codes";
import { signatureInput } from "@/lib/signatures/schema";
import { emailKey } from "@/lib/infra/validation/normalize-email";

const valid = { name: "Kim Ji-min", email: "jimin@example.org", country: "US", region: "NY", postalCode: "10001" };

describe("signatureInput", () => {
  it("accepts a minimal signature and fills in the defaults", () => {
    expect(signatureInput.parse({ name: "A", email: "a@example.org", country: "fr" })).toEqual({
      name: "A",
      email: "a@example.org",
      country: "FR",
      showName: false,
      wantsUpdates: false,
    });
  });

  it("keeps a link's source code, lower-cased, and drops one of another shape instead of refusing the signature", () => {
    expect(signatureInput.parse({ ...valid, source: "Share-Kakao" }).source).toBe("share-kakao");
    for (const source of ["<b>", "x".repeat(41), "", ["a"], 7]) {
      const parsed = signatureInput.safeParse({ ...valid, source });
      expect(parsed.success).toBe(true);
      expect(parsed.data!.source).toBeUndefined();
    }
  });

  it.each([
    ["trims and NFC-normalises the name", { name: "  한국어 이름 " }, { name: "한국어 이름" }],
    ["keeps emoji and right-to-left text in comments", { comment: "✊ مرحبا" }, { comment: "✊ مرحبا" }],
    [
      "treats blank optional fields as absent",
      { country: "DE", region: " ", postalCode: "", comment: "" },
      { region: undefined, postalCode: undefined, comment: undefined },
    ],
    [
      "upper-cases postal codes",
      { country: "GB", region: undefined, postalCode: "sw1a 1aa" },
      { postalCode: "SW1A 1AA" },
    ],
    [
      "accepts a Korean province and postal code",
      { country: "KR", region: "11", postalCode: "03154" },
      { region: "11" },
    ],
    [
      "does not require a region in South Korea",
      { country: "KR", region: undefined, postalCode: undefined },
      { country: "KR" },
    ],
    ["accepts ZIP+4", { postalCode: "10001-1234" }, { postalCode: "10001-1234" }],
    ["keeps line breaks in a comment", { comment: "line one\nline two" }, { comment: "line one\nline two" }],
  ])("%s", (_label, change, expected) => {
    const parsed = signatureInput.parse({ ...valid, ...change });
    expect(parsed).toMatchObject(expected);
  });

  it.each([
    [{ name: undefined }, "name", "required"],
    [{ name: "   " }, "name", "required"],
    [{ name: "a\u0000b" }, "name", "invalid_characters"],
    [{ email: "jimin@" }, "email", "invalid_email"],
    [{ email: "홍길동@example.com" }, "email", "email_local_ascii"],
    [{ email: "josé@example.com" }, "email", "email_local_ascii"],
    [{ email: `${"a".repeat(250)}@example.org` }, "email", "too_long"],
    [{ country: "XX" }, "country", "invalid_country"],
    [{ country: 12 }, "country", "required"],
    [{ region: undefined }, "region", "required"],
    [{ country: "KR", region: "NY" }, "region", "invalid_region"],
    [{ postalCode: "1234" }, "postalCode", "invalid_postal_code"],
    [{ country: "KR", region: "11", postalCode: "123456" }, "postalCode", "invalid_postal_code"],
    [{ comment: "a\u0007b" }, "comment", "invalid_characters"],
    [{ wantsUpdates: 1 }, "wantsUpdates", "invalid_boolean"],
    [{ locale: "ja" }, "locale", "invalid_locale"],
  ])("reports %o on %s as %s", (change, field, code) => {
    const result = signatureInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(fieldErrorCodes(result.error!)[field]).toBe(code);
  });
});

describe("emailKey", () => {
  it.each([
    ["Person@Example.ORG", "person@example.org"],
    ["  person@example.org ", "person@example.org"],
    ["first.last+news@gmail.com", "firstlast@gmail.com"],
    ["First.Last@GoogleMail.com", "firstlast@gmail.com"],
    ["first.last+tag@example.org", "first.last+tag@example.org"],
  ])("%s → %s", (input, key) => {
    expect(emailKey(input)).toBe(key);
  });
});
