// How individual the letters are: in the writer's own words, or a near copy. The delivery mail can state the same
// split by calling this on the letters it carries.
import { createHash } from "node:crypto";
import type { Individuality } from "./types";

function fingerprint(body: string): string {
  const letters = body
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return letters && createHash("sha256").update(letters).digest("hex");
}

/**
 * Own words: personalised (most of the text is not the composer's suggested paragraphs, see
 * lib/letters/personalisation) and no other letter of the set has the same text once case, spacing and
 * punctuation are set aside. Every other letter is a near copy, so the two counts always add up to the letters.
 */
export function classifyLetters(letters: readonly { id: string; body: string; personalised: boolean }[]): {
  individuality: Map<string, Individuality>;
  personalised: number;
  nearCopies: number;
} {
  const prints = letters.map((l) => fingerprint(l.body));
  const seen = new Map<string, number>();
  for (const p of prints) if (p) seen.set(p, (seen.get(p) ?? 0) + 1);
  const individuality = new Map<string, Individuality>();
  let personalised = 0;
  letters.forEach((letter, i) => {
    const print = prints[i]!;
    const own = letter.personalised && print !== "" && seen.get(print) === 1;
    individuality.set(letter.id, own ? "own-words" : "near-copy");
    if (own) personalised++;
  });
  return { individuality, personalised, nearCopies: letters.length - personalised };
}
