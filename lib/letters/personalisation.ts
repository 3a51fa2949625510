// A gentle measure of how much of a letter is in the writer's own words: the share of its text that is not
// copied from the campaign's paragraphs. Words are compared in runs of three (so that common words alone do
// not count as copied); words are split on whitespace, which works for Korean too (어절).

export type Personalisation = {
  /** 0..1, by characters of the words that are the writer's own. */
  ownShare: number;
  ownWords: number;
  totalWords: number;
  level: "low" | "some" | "high";
};

const run = 3;

function words(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

function runsOf(list: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + run <= list.length; i++) out.add(list.slice(i, i + run).join(" "));
  return out;
}

/** `templates`: every text the composer offered (topic paragraphs, greeting, closing). */
export function measurePersonalisation(body: string, templates: string[]): Personalisation {
  const mine = words(body);
  const known = new Set<string>();
  const knownWords = new Set<string>();
  for (const t of templates) {
    const w = words(t);
    for (const r of runsOf(w)) known.add(r);
    // A template shorter than a run (a greeting like "대통령님께") is matched word by word.
    if (w.length < run) for (const x of w) knownWords.add(x);
  }
  const copied = new Array<boolean>(mine.length).fill(false);
  for (let i = 0; i + run <= mine.length; i++) {
    if (known.has(mine.slice(i, i + run).join(" "))) for (let j = i; j < i + run; j++) copied[j] = true;
  }
  mine.forEach((w, i) => {
    if (knownWords.has(w)) copied[i] = true;
  });
  let total = 0;
  let own = 0;
  let ownWords = 0;
  mine.forEach((w, i) => {
    const size = [...w].length;
    total += size;
    if (!copied[i]) {
      own += size;
      ownWords++;
    }
  });
  const ownShare = total === 0 ? 0 : own / total;
  return {
    ownShare,
    ownWords,
    totalWords: mine.length,
    level: ownShare < 0.2 ? "low" : ownShare < 0.5 ? "some" : "high",
  };
}
