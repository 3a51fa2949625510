// The character and length rules of lib/infra/validation/text.ts as plain functions, without zod: the sign form checks
// input in the browser with these, and the zod builders in text.ts are made of the same pieces. Each check returns
// the first issue code the matching zod builder reports, or undefined when the value passes.

/** Control characters (CR, LF, NUL, C1, line separators, ...) never belong in a name, an address line or a mail header. */
export const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** What multi-line text (a comment, a letter, a campaign's context) may not contain: control characters but CR and LF. */
export const controlCharsButNewlines = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const loneSurrogate = /\p{Cs}/u;
const visible = /[^\s\p{Default_Ignorable_Code_Point}]/u;

/** Empty, or only whitespace and characters nobody can see. */
export const isBlank = (v: string) => !visible.test(v);

/** False for text with a forbidden control character or a lone surrogate. */
export const hasOnlyAllowedChars = (v: string, { newlines = false } = {}) =>
  !(newlines ? controlCharsButNewlines : controlChars).test(v) && !loneSurrogate.test(v);

/**
 * RFC 2047 encoded words (`=?utf-8?q?…?=`, `=?utf-8?b?…?=`): mail readers decode them wherever a single line of ours
 * ends up in a header (a subject, a sender's name), so `=?utf-8?q?x=0D=0ABcc:…?=` would read as a line break there.
 */
const encodedWord = /=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/g;

/** True for text that holds an encoded word, decoded or not. */
export const hasEncodedWords = (v: string) => v.search(encodedWord) !== -1;

/** The text as a mail reader shows it in a header: every encoded word replaced by what it decodes to. */
export function decodeEncodedWords(v: string): string {
  return v.replace(encodedWord, (word, charset: string, encoding: string, text: string) => {
    const bytes = encoding === "B" || encoding === "b" ? base64Bytes(text) : quotedBytes(text);
    return bytes ? decoderFor(charset).decode(bytes) : word;
  });
}

function base64Bytes(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The "Q" encoding: `_` is a space, `=XX` a byte in hex, anything else itself. */
function quotedBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (text[i] === "_") bytes.push(0x20);
    else bytes.push(...new TextEncoder().encode(text[i]));
  }
  return Uint8Array.from(bytes);
}

/** A decoder for the word's charset (`utf-8*ko`: RFC 2231's language tag dropped), or Latin-1 for one we do not know. */
function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset.split("*")[0]);
  } catch {
    return new TextDecoder("latin1");
  }
}

/** Empty or blank form fields count as not given. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && isBlank(v) ? undefined : v);

/** A string's length as zod 4.6 measures it for min and max: in code points (a lone surrogate counts as one). */
export function codePointLength(v: string): number {
  let n = 0;
  for (const _ of v) n++;
  return n;
}

/** What `line(max, min)` reports first for a string. */
export function lineIssue(value: string, max: number, min = 1): string | undefined {
  const v = value.trim().normalize("NFC");
  if (isBlank(v)) return "required";
  const length = codePointLength(v);
  if (length < min) return "too_short";
  if (length > max) return "too_long";
  if (!hasOnlyAllowedChars(v) || !hasOnlyAllowedChars(decodeEncodedWords(v))) return "invalid_characters";
  if (hasEncodedWords(v)) return "encoded_words";
  return undefined;
}

/** What `paragraphs(max)` reports first for a string. */
export function paragraphsIssue(value: string, max: number): string | undefined {
  const v = value.trim().normalize("NFC");
  if (isBlank(v)) return "required";
  if (codePointLength(v) > max) return "too_long";
  if (!hasOnlyAllowedChars(v, { newlines: true })) return "invalid_characters";
  return undefined;
}
