// Text fields shared by the public schemas. Issue messages are stable codes; forms and the API translate them.
import { z } from "./zod";

/** Control characters (CR, LF, NUL, ...) never belong in a name, an address line or anything that reaches a mail header. */
export const controlChars = /[\u0000-\u001f\u007f]/;

/** Empty or blank form fields count as not given. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A required single line: trimmed, NFC, within bounds, no control characters. */
export const line = (max: number, min = 1) =>
  z
    .string({ error: "required" })
    .trim()
    .normalize("NFC")
    .min(1, { error: "required" })
    .min(min, { error: "too_short" })
    .max(max, { error: "too_long" })
    .refine((v) => !controlChars.test(v), { error: "invalid_characters" });

export const optionalLine = (max: number) => z.preprocess(blankToUndefined, line(max).optional());
