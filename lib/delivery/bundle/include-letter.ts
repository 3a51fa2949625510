// What a bundle shows of a letter: its text exactly as written (NFC, email addresses replaced), a translation if
// any, its topics, whether it is in the writer's own words, and the writer as they chose to appear.
import { cleanText } from "./clean-text";
import { includePerson } from "./include-signer";
import type { IncludedLetter, Individuality, LetterRow } from "./types";

/** A writer who chose no name shows no place either: a letter's details and a country can find a defector's family. */
export function includeLetter(row: LetterRow, individuality: Individuality): IncludedLetter {
  if (!row.id) throw new Error("bundle: a letter without an id");
  const language = row.language.trim() || "und";
  const translation = row.translation && {
    language: row.translation.language.trim() || "und",
    subject: cleanText(row.translation.subject, row.translation.language),
    body: cleanText(row.translation.body, row.translation.language),
  };
  return {
    kind: "letter",
    id: row.id,
    language,
    subject: cleanText(row.subject, language),
    body: cleanText(row.body, language),
    ...(translation && { translation }),
    writer: includePerson(row.writer),
    topics: [...new Set(row.topics)].sort(),
    individuality,
  };
}
