// Initials for a signer or writer who chose `initials`. Names in Hangul (and other scripts written without spaces
// or letter case: Chinese, Japanese) show the first syllable — for a Korean name, the family name's first
// syllable — followed by "○○", as Korean notices write a withheld name (김○○); a two-syllable family name
// (남궁, 선우) shows only its first. Other names show the first letter of each word ("Jane van der Berg" →
// "J. V. D. B."), a hyphenated word as "J.-L.", at most four. The length of the given name is never shown.

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
