import { describe, expect, it } from "vitest";
import { checkLetterSafety } from "@/lib/letters/safety-check";
import { heldOutCorpus, safetyCorpus, type CorpusSentence } from "./fixtures/safety-corpus";

// Recall: identifying sentences with at least one finding. False alarms: benign sentences with any finding.
// The floors sit a little under what the detector measures today, so a regression fails here rather than in a letter.
// Before this work the detector measured en 27/50 found, 7/47 false alarms; ko 20/51 found, 13/52 false alarms.
// Today: en 50/50 and 0/47, ko 50/51 and 0/52 on the corpus it was tuned on; on the held-out sentences en 22/22 and
// 1/22, ko 22/22 and 1/22 (21/22 each before the two fixes that first measurement showed were missing).
const corpora = [
  { name: "corpus", sentences: safetyCorpus, floors: { en: [0.96, 0.05], ko: [0.94, 0.05] } },
  { name: "held-out", sentences: heldOutCorpus, floors: { en: [0.9, 0.1], ko: [0.9, 0.1] } },
] as const;

function measure(sentences: readonly CorpusSentence[]) {
  const identifying = sentences.filter(([, kinds]) => kinds.length > 0);
  const benign = sentences.filter(([, kinds]) => kinds.length === 0);
  const missed = identifying.filter(([text]) => checkLetterSafety(text).length === 0).map(([text]) => text);
  const alarms = benign
    .map(([text]) => ({ text, found: checkLetterSafety(text).map((f) => `${f.kind}: ${f.text}`) }))
    .filter((b) => b.found.length > 0);
  // Informative only: an identifying sentence where none of the expected kinds came up.
  const wrongKind = identifying
    .filter(([text, kinds]) => {
      const found = checkLetterSafety(text);
      return found.length > 0 && !found.some((f) => (kinds as readonly string[]).includes(f.kind));
    })
    .map(([text]) => text);
  const hits = identifying.length - missed.length;
  return {
    summary:
      `recall ${hits}/${identifying.length} = ${pct(hits / identifying.length)}; ` +
      `false alarms ${alarms.length}/${benign.length} = ${pct(alarms.length / benign.length)}`,
    recall: hits / identifying.length,
    falseAlarms: alarms.length / benign.length,
    missed,
    alarms,
    wrongKind,
  };
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe("the safety check on the sentence corpus", () => {
  it("has at least 80 sentences in each language, about half of them identifying", () => {
    for (const lang of ["en", "ko"] as const) {
      const all = safetyCorpus[lang];
      const identifying = all.filter(([, kinds]) => kinds.length > 0).length;
      expect(all.length).toBeGreaterThanOrEqual(80);
      expect(identifying / all.length).toBeGreaterThan(0.4);
      expect(identifying / all.length).toBeLessThan(0.6);
    }
  });

  for (const { name, sentences, floors } of corpora) {
    const title = `keeps recall and false alarms on the ${name} sentences in %s within their floors`;
    it.each(["en", "ko"] as const)(title, (lang) => {
      const m = measure(sentences[lang]);
      console.log(
        `[safety ${name} ${lang}] ${m.summary}\n` +
          `  missed: ${JSON.stringify(m.missed, null, 1)}\n` +
          `  false alarms: ${JSON.stringify(m.alarms, null, 1)}\n` +
          `  found, but not the expected kind: ${JSON.stringify(m.wrongKind, null, 1)}`,
      );
      const [recallFloor, falseAlarmCeiling] = floors[lang];
      expect(m.recall, m.summary).toBeGreaterThanOrEqual(recallFloor);
      expect(m.falseAlarms, m.summary).toBeLessThanOrEqual(falseAlarmCeiling);
    });
  }
});
