// Text fields shared by the public and organizer schemas. Issue messages are stable codes; forms and the API
// translate them.
//
// What the schemas do with unusual characters (found by fuzzing, tests/integration/fuzz-*.test.ts):
// - NUL and every other control character (C0, DEL, C1, and U+2028/U+2029 in single lines) is refused with
//   `invalid_characters`: Postgres cannot store NUL in text, and CR/LF in a line is how header injection starts.
//   Multi-line text may have line breaks (CR, LF), nothing else.
// - Lone surrogates (half of a UTF-16 pair, possible in JSON as "\ud800") are refused the same way: UTF-8 cannot
//   carry them, so the database would silently store U+FFFD instead of what was sent.
// - Single lines may become mail headers (a subject, a sender's name), where mail readers decode RFC 2047 encoded
//   words (`=?utf-8?q?…?=`): one that decodes to a control character is `invalid_characters`, and any other is
//   refused with `encoded_words`, so a line means the same on the page and in every mail reader.
// - Text made only of whitespace and invisible characters (zero-width spaces, bidi marks, U+3164 HANGUL FILLER...)
//   counts as empty: `required`, or "not given" for optional fields.
// - Everything else is kept as sent after trimming and NFC: Hangul (jamo compose into syllables), emoji with ZWJ
//   sequences and skin tones, right-to-left text, bidi marks and isolates, zero-width joiners, combining marks.
// The same rules without zod, for the browser: ./text-checks.ts (lineIssue, paragraphsIssue).
import { z } from "./zod";
import { blankToUndefined, decodeEncodedWords, hasEncodedWords, hasOnlyAllowedChars, isBlank } from "./text-checks";

export { blankToUndefined, hasOnlyAllowedChars, isBlank } from "./text-checks";

/** A required single line: trimmed, NFC, visible, within bounds (code points, as zod 4.6 counts), no control characters. */
export const line = (max: number, min = 1) =>
  z
    .string({ error: "required" })
    .trim()
    .normalize("NFC")
    .refine((v) => !isBlank(v), { error: "required" })
    .min(min, { error: "too_short" })
    .max(max, { error: "too_long" })
    .refine((v) => hasOnlyAllowedChars(v) && hasOnlyAllowedChars(decodeEncodedWords(v)), {
      error: "invalid_characters",
    })
    .refine((v) => !hasEncodedWords(v), { error: "encoded_words" });

export const optionalLine = (max: number) => z.preprocess(blankToUndefined, line(max).optional());

/** Required multi-line text: like `line`, but line breaks are allowed. */
export const paragraphs = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .normalize("NFC")
    .refine((v) => !isBlank(v), { error: "required" })
    .max(max, { error: "too_long" })
    .refine((v) => hasOnlyAllowedChars(v, { newlines: true }), { error: "invalid_characters" });

export const optionalParagraphs = (max: number) => z.preprocess(blankToUndefined, paragraphs(max).optional());
