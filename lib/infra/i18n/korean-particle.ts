// Korean particles chosen from the word they follow, as a person writes them: "단체를", "연대를", "서울로", "부산으로".
// A message then never needs the machine forms "을(를)" or "(으)로" (tests/unit/korean-particle.test.ts): code passes
// the word's ending and the Korean message picks its particle, `{organization}{organizationEnding, select, vowel {를}
// other {을}}`, so the particle stays in the translator's hands.

/** The particle pairs: the form after a final consonant (batchim), then the form after a vowel. */
const pairs = {
  "을/를": ["을", "를"],
  "이/가": ["이", "가"],
  "은/는": ["은", "는"],
  "과/와": ["과", "와"],
  "으로/로": ["으로", "로"],
} as const;

export type ParticlePair = keyof typeof pairs;

/** ㄹ, the one batchim after which 으로 is written 로 ("서울로"). */
const rieul = 8;

/** How digits are read in Korean (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구): their final consonant, 0 for none. */
const digitBatchim = [21, rieul, 0, 16, 0, 0, 1, rieul, rieul, 0];

/**
 * The final consonant of the word as read aloud: the index of the last Hangul syllable's batchim ((code - 0xAC00)
 * % 28, 0 for none); for a word ending in a digit, how the digit is read; for Latin letters, how Korean speakers
 * read the English ending (…l: ㄹ, …m/…n/…ng: a consonant, other letters: a vowel, as in "레터스", "데모").
 * Closing quotes, brackets and punctuation after the word are skipped.
 */
export function finalConsonant(word: string): number {
  const trimmed = word.replace(/[\s"'”’」』)\]}.,!?:;…-]+$/u, "");
  const last = trimmed.at(-1) ?? "";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  if (/[0-9]/.test(last)) return digitBatchim[Number(last)]!;
  const latin = trimmed.toLowerCase();
  if (latin.endsWith("l")) return rieul;
  if (/(ng|m|n)$/.test(latin)) return latin.endsWith("ng") ? 21 : latin.endsWith("m") ? 16 : 4;
  return 0;
}

/** The particle that follows `word`: particle("시범 연대", "을/를") is "를", particle("서울", "으로/로") is "로". */
export function particle(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pairs[pair];
  const batchim = finalConsonant(word);
  if (pair === "으로/로") return batchim === 0 || batchim === rieul ? afterVowel : afterConsonant;
  return batchim === 0 ? afterVowel : afterConsonant;
}

export type WordEnding = "vowel" | "rieul" | "consonant";

/** How the word ends when read aloud, for a message's `select`: 로 follows "vowel" and "rieul", 으로 "consonant". */
export function wordEnding(word: string): WordEnding {
  const batchim = finalConsonant(word);
  return batchim === 0 ? "vowel" : batchim === rieul ? "rieul" : "consonant";
}
