// The composer's first draft: a greeting, the writer's own words, the chosen topics' paragraphs and a closing,
// all in the letter's language. The writer then edits the whole text; nothing here is sent as is.

export type DraftParts = {
  /** e.g. "Dear Mr. President," or "대통령님께" */
  greeting: string;
  /** What the writer said about why this matters to them; may be empty. */
  ownWords: string;
  /** The chosen topics' paragraphs, in the campaign's order, in the letter's language. */
  paragraphs: string[];
  /** e.g. "Sincerely," or "감사합니다." */
  closing: string;
};

/** Paragraphs separated by one blank line; empty parts left out; the writer's line breaks kept. */
export function assembleLetter(parts: DraftParts): string {
  const own = parts.ownWords.replace(/\r\n?/g, "\n").trim();
  return [parts.greeting.trim(), own, ...parts.paragraphs.map((p) => p.trim()), parts.closing.trim()]
    .filter((p) => p.length > 0)
    .join("\n\n");
}

/**
 * The greeting a campaign's own open letter starts with, if its first paragraph is a short salutation
 * ("Dear Mr. President," / "대통령님께"); otherwise a greeting built from the target's name.
 */
export function greetingFrom(openLetter: string, fallback: string): string {
  const first = openLetter.split(/\n\s*\n/)[0]?.trim() ?? "";
  return first.length > 0 && first.length <= 60 && !/[.!?。]$/.test(first) ? first : fallback;
}
