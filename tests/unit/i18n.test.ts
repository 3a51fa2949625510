import { describe, expect, it } from "vitest";
import { messages } from "@/lib/infra/i18n/messages";
import { negotiateLocale } from "@/lib/infra/i18n/config";

const { en, ko } = messages;

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe("messages", () => {
  it("has every English string in Korean too, and no more", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });

  it("has Korean text for every Korean string (no untranslated English left behind)", () => {
    const untranslated = keys(ko).filter((key) => {
      const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ko) as string;
      const stripped = value
        .replace(/\{[^}]*\}/g, "")
        .replace(/[A-Za-z0-9@._:/()—–\-·"“”'!?,]+/g, "")
        .trim();
      return (
        stripped.length === 0 &&
        /[A-Za-z]{4,}/.test(value.replace(/\{[^}]*\}/g, "")) &&
        !/application\/json|JSON|ZIP/.test(value)
      );
    });
    expect(untranslated).toEqual([]);
    expect(leaves(ko).some((s) => /[가-힣]/.test(s))).toBe(true);
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of keys(en)) {
      const get = (m: unknown) =>
        key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string;
      const names = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
      // Korean may also pick a particle from how a word ends (lib/infra/i18n/korean-particle.ts): "{xEnding, select, …}".
      const korean = names(get(ko)).filter((name) => !name!.endsWith("Ending"));
      expect(korean, key).toEqual(names(get(en)));
    }
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["ko-KR,ko;q=0.9,en-US;q=0.8", "ko"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,ko;q=0.5", "ko"],
    ["fr-FR", "en"],
    ["", "en"],
    [null, "en"],
    ["en;q=0.2,ko;q=0.8", "ko"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
