// Korean particles picked from the word before them (lib/infra/i18n/korean-particle.ts), and no Korean message
// written with the machine forms "을(를)", "(으)로" and the like.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finalConsonant, particle, wordEnding } from "@/lib/infra/i18n/korean-particle";
import { translator } from "@/lib/infra/i18n/messages";

describe("particle", () => {
  it.each([
    ["단체", "을/를", "를"],
    ["시범 연대", "을/를", "를"],
    ["북한인권시민연합", "을/를", "을"],
    ["Open Letters 시범 연대", "이/가", "가"],
    ["한국 모임", "이/가", "이"],
    ["모임", "은/는", "은"],
    ["연대", "과/와", "와"],
    ["서울", "으로/로", "로"],
    ["부산", "으로/로", "으로"],
    ["학교", "으로/로", "로"],
    ["“수용소 해체”", "을/를", "를"],
    ["(사)북한인권", "을/를", "을"],
    ["Open Letters Demo Coalition", "을/를", "을"],
    ["Open Letters", "을/를", "를"],
    ["Seoul", "으로/로", "로"],
    ["Team", "이/가", "이"],
    ["Hub", "을/를", "를"],
    ["Campaign 2026", "을/를", "을"],
    ["Room 1", "으로/로", "로"],
    ["Room 3", "으로/로", "으로"],
    ["Group 2", "이/가", "가"],
    ["", "을/를", "를"],
  ] as const)("%s + %s → %s", (word, pair, expected) => {
    expect(particle(word, pair)).toBe(expected);
  });

  it("reads the batchim of the last Hangul syllable", () => {
    expect(finalConsonant("가")).toBe(0);
    expect(finalConsonant("각")).toBe(1);
    expect(finalConsonant("갈")).toBe(8);
    expect(finalConsonant("힣")).toBe(27);
  });
});

describe("Korean messages", () => {
  const dir = join(import.meta.dirname, "../../lib/infra/i18n/messages");
  const korean = readdirSync(dir).filter((f) => /(^|\.)ko\.json$/.test(f));

  /** Every string of a message file, with its key. */
  function strings(value: unknown, key = ""): [string, string][] {
    if (typeof value === "string") return [[key, value]];
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
    return [];
  }

  it("covers every Korean file", () => {
    expect(korean).toEqual(expect.arrayContaining(["ko.json", "admin.ko.json", "letters.ko.json"]));
  });

  it.each(korean)("%s has no alternation such as 을(를), (으)로, 이(가)", (file) => {
    const found = strings(JSON.parse(readFileSync(join(dir, file), "utf8"))).filter(([, text]) =>
      /\((으|을|를|이|가|은|는|와|과|아|야|로)\)|[을이은와과]\((를|가|는|과|와)\)/.test(text),
    );
    expect(found).toEqual([]);
  });

  it.each(korean)("%s quotes with “ ” only", (file) => {
    const found = strings(JSON.parse(readFileSync(join(dir, file), "utf8"))).filter(([, text]) =>
      /[「」『』"]|'[^']*'/.test(text),
    );
    expect(found).toEqual([]);
  });
});

describe("wordEnding, as Korean messages select their particle with it", () => {
  it.each([
    ["Open Letters 시범 연대", "vowel"],
    ["서울", "rieul"],
    ["북한인권시민연합", "consonant"],
    ["Open Letters Demo Coalition", "consonant"],
  ] as const)("%s ends in a %s", (word, ending) => {
    expect(wordEnding(word)).toBe(ending);
  });

  it("fills the e-mail sign-offs with the particle the name takes", () => {
    const t = translator("ko", "email");
    const tl = translator("ko", "letterEmail");
    for (const [organization, expected] of [
      ["Open Letters 시범 연대", "— Open Letters 시범 연대를 대신하여 오픈 레터스 드림"],
      ["북한인권시민연합", "— 북한인권시민연합을 대신하여 오픈 레터스 드림"],
    ] as const) {
      const args = { organization, organizationEnding: wordEnding(organization) };
      expect(t("signoff", args)).toBe(expected);
      expect(tl("signoff", args)).toBe(expected);
    }
  });
});
