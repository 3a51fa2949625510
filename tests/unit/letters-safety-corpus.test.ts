import { describe, expect, it } from "vitest";
import { checkLetterSafety } from "@/lib/letters/safety-check";
import { safetyCorpus } from "./fixtures/safety-corpus";

// Recall: identifying sentences with at least one finding. False alarms: benign sentences with any finding.
// The floors sit a little under what the detector measures today, so a regression fails here rather than in a letter.
// The detector before this corpus measured en 27/50 found, 7/47 false alarms; ko 20/51 found, 13/52 false alarms.
const floors = {
  en: { recall: 0.5, falseAlarms: 0.2 },
  ko: { recall: 0.35, falseAlarms: 0.3 },
};

function measure(lang: "en" | "ko") {
  const identifying = safetyCorpus[lang].filter(([, kinds]) => kinds.length > 0);
  const benign = safetyCorpus[lang].filter(([, kinds]) => kinds.length === 0);
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
  return {
    identifying: identifying.length,
    benign: benign.length,
    hits: identifying.length - missed.length,
    recall: (identifying.length - missed.length) / identifying.length,
    falseAlarmCount: alarms.length,
    falseAlarms: alarms.length / benign.length,
    missed,
    alarms,
    wrongKind,
  };
}

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

  it.each(["en", "ko"] as const)("keeps recall and false alarms in %s within their floors", (lang) => {
    const m = measure(lang);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `[safety corpus ${lang}] recall ${m.hits}/${m.identifying} = ${pct(m.recall)}; ` +
        `false alarms ${m.falseAlarmCount}/${m.benign} = ${pct(m.falseAlarms)}\n` +
        `  missed: ${JSON.stringify(m.missed, null, 1)}\n` +
        `  false alarms: ${JSON.stringify(m.alarms, null, 1)}\n` +
        `  found, but not the expected kind: ${JSON.stringify(m.wrongKind, null, 1)}`,
    );
    expect(m.recall).toBeGreaterThanOrEqual(floors[lang].recall);
    expect(m.falseAlarms).toBeLessThanOrEqual(floors[lang].falseAlarms);
  });
});
