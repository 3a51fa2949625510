// RFC 2047 encoded words in single lines: decoded as a mail reader would before the control-character rule, and
// refused either way (lib/infra/validation). The browser's check (lineIssue) and the schema (line) agree.
import { describe, expect, it } from "vitest";
import { line } from "@/lib/infra/validation/text";
import { decodeEncodedWords, hasEncodedWords, lineIssue } from "@/lib/infra/validation/text-checks";

describe("decodeEncodedWords", () => {
  it.each([
    ["=?utf-8?q?x=0D=0ABcc:_a@example.test?=", "x\r\nBcc: a@example.test"],
    ["=?UTF-8?Q?x=0d=0aBcc:?=", "x\r\nBcc:"],
    ["=?utf-8?b?eA0KQmNjOiBhQGV4YW1wbGUudGVzdA==?=", "x\r\nBcc: a@example.test"],
    ["Kim =?ISO-8859-1?Q?J=F6rg?= Lee", "Kim Jörg Lee"],
    ["=?utf-8*ko?b?7ZmN6ri464+Z?=", "홍길동"],
    ["=?x-unknown?q?=41=42?=", "AB"],
    ["=?utf-8?b?not base64!?=", "=?utf-8?b?not base64!?="],
    ["plain = text ? with marks", "plain = text ? with marks"],
  ])("%s", (input, decoded) => {
    expect(decodeEncodedWords(input)).toBe(decoded);
  });

  it("tells encoded words from ordinary text", () => {
    expect(hasEncodedWords("=?utf-8?q?hi?=")).toBe(true);
    expect(hasEncodedWords("What =? is this ?=")).toBe(false);
    expect(hasEncodedWords("a=?b")).toBe(false);
  });
});

describe("a single line with encoded words", () => {
  it.each([
    ["=?utf-8?q?x=0D=0ABcc:_a@example.test?=", "invalid_characters"],
    ["=?utf-8?b?eA0KQmNjOiBhQGV4YW1wbGUudGVzdA==?=", "invalid_characters"],
    ["=?utf-8?q?=00?=", "invalid_characters"],
    ["=?utf-8?q?=C2=85?=", "invalid_characters"],
    ["=?utf-8?b?7ZmN6ri464+Z?=", "encoded_words"],
    ["Re: =?utf-8?q?hello?= again", "encoded_words"],
    ["홍길동 = 2 + 2?", undefined],
  ])("%s: %s", (value, code) => {
    const parsed = line(200).safeParse(value);
    expect(parsed.success ? undefined : parsed.error.issues[0]!.message).toBe(code);
    expect(lineIssue(value, 200)).toBe(code);
  });
});
