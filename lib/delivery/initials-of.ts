// Initials for a signer or writer who chose `initials`: "J. D." for Jane Doe, "김○○" for 김민준, the way Korean
// notices write a withheld name.

const hangulOrCjk = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const letter = /\p{L}/u;

function initialOf(word: string): string {
  return word
    .split("-")
    .map((part) => [...part].find((c) => letter.test(c)))
    .filter((c): c is string => c !== undefined)
    .map((c) => `${c.toLocaleUpperCase()}.`)
    .join("-");
}

/**
 * Hangul (and Chinese, Japanese: no spaces, no case) shows the first syllable — a Korean name's family-name
 * syllable; only the first of 남궁 — then "○○", never the given name's length. Other names show the first letter
 * of each word ("Jane van der Berg" → "J. V. D. B."), "J.-L." for a hyphenated one, at most four.
 */
/** "" when the name has no letter at all: the caller then shows nobody (counted only). */
export function initialsOf(name: string): string {
  const clean = name.normalize("NFC").trim();
  const first = [...clean].find((c) => letter.test(c));
  if (first === undefined) return "";
  if (hangulOrCjk.test(first)) return `${first}○○`;
  const words = clean.split(/\s+/).map(initialOf).filter(Boolean);
  const shown = words.length > 4 ? [...words.slice(0, 3), words[words.length - 1]!] : words;
  return shown.join(" ");
}
