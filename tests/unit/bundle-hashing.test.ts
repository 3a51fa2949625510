// @vitest-environment node
// The bundle's hashes: one canonical serialization (the library's and the standalone verifier's copies agree on
// any value), row hashes of the included form, keyed source hashes of the raw rows.
import fc from "fast-check";
import { canonicalJson } from "@/lib/delivery/bundle/canonical-json";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import { rowHash } from "@/lib/delivery/bundle/row-hash";
import { sourceRowHash } from "@/lib/delivery/bundle/source-row-hash";
import type { LetterRow, SignerRow } from "@/lib/delivery/bundle/types";
import { canonicalJson as verifierCanonicalJson } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const signer: SignerRow = {
  id: "00000001-0000-4000-8000-000000000001",
  status: "confirmed",
  appearance: "full",
  name: "Jane Doe",
  city: "Seattle",
  region: "WA",
  country: "US",
  confirmedAt: new Date("2018-05-01T10:00:00Z"),
  emailKey: "jane@example.test",
};

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: [true, null, "x"] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 2, x: 1 }, é: "e" }, '{"z":{"x":1,"y":2},"é":"e"}'],
    [{ skipped: undefined, at: new Date("2018-06-12T00:00:00Z") }, '{"at":"2018-06-12T00:00:00.000Z"}'],
    [["a", undefined], '["a",null]'],
    ['quote " and \\ and \n', '"quote \\" and \\\\ and \\n"'],
  ])("serializes %j as %s", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("puts Hangul typed as jamo and as syllables in one form (NFC), keys too", () => {
    const jamo = "\u1112\u1161\u11ab"; // ᄒ ᅡ ᆫ
    expect(jamo).not.toBe("한");
    expect(canonicalJson({ [jamo]: jamo })).toBe(canonicalJson({ 한: "한" }));
  });

  it.each([[1.5], [Number.NaN], [2 ** 60], [10n], [() => 1]])("refuses %s", (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("refuses two keys that normalize to the same one", () => {
    expect(() => canonicalJson({ "\u1112\u1161\u11ab": 1, 한: 2 })).toThrow(/two keys/);
  });

  it("gives the same bytes as the standalone verifier's copy, and parses back to the same value", () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: "small" },
        fc.string({ unit: "grapheme" }),
        fc.string({ unit: "binary" }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("any"), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: "grapheme", maxLength: 6 }), tie("any"), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        let ours: string;
        try {
          ours = canonicalJson(v);
        } catch {
          return; // two keys that normalize alike: refused, as checked above
        }
        expect(verifierCanonicalJson(v)).toBe(ours);
        expect(canonicalJson(JSON.parse(ours))).toBe(ours);
      }),
      { numRuns: 400 },
    );
  });
});

describe("rowHash", () => {
  const row = { kind: "signature", id: "s1", appearance: "initials", name: "J. D.", country: "US" } as const;

  it("is the SHA-256 of the canonical JSON, whatever the key order", () => {
    const reordered = { country: "US", name: "J. D.", appearance: "initials", id: "s1", kind: "signature" } as const;
    expect(rowHash(row)).toMatch(/^[0-9a-f]{64}$/);
    expect(rowHash(reordered)).toBe(rowHash(row));
  });

  it("changes with any included field", () => {
    expect(rowHash({ ...row, name: "J. E." })).not.toBe(rowHash(row));
    expect(rowHash({ ...row, country: "CA" })).not.toBe(rowHash(row));
  });
});

describe("sourceRowHash", () => {
  const key = deriveSourceKey("test-secret-test-secret-test-secret-0123456789");

  it("is keyed: another secret gives another hash, so the public manifest cannot test guesses", () => {
    const other = deriveSourceKey("another-secret-another-secret-another-secret");
    expect(sourceRowHash("signature", signer, key)).not.toBe(sourceRowHash("signature", signer, other));
    expect(deriveSourceKey("test-secret-test-secret-test-secret-0123456789")).toEqual(key);
  });

  it.each<[string, Partial<SignerRow>]>([
    ["status", { status: "invalidated" }],
    ["confirmation time", { confirmedAt: new Date("2018-05-01T10:00:01Z") }],
    ["name", { name: "Jane Doe " }],
    ["email key", { emailKey: "jane2@example.test" }],
    ["appearance", { appearance: "counted" }],
  ])("changes when the stored %s changes", (_, change) => {
    expect(sourceRowHash("signature", { ...signer, ...change }, key)).not.toBe(sourceRowHash("signature", signer, key));
  });

  it("reads a time given as a Date or as text alike, and ignores topic order", () => {
    const asText = { ...signer, confirmedAt: "2018-05-01T10:00:00Z" };
    expect(sourceRowHash("signature", asText, key)).toBe(sourceRowHash("signature", signer, key));
    const letter: LetterRow = {
      id: "l1",
      language: "ko",
      subject: "제목",
      body: "본문",
      writer: { appearance: "counted", name: "김민준", country: "KR" },
      topics: ["prison-camps", "families"],
      personalised: true,
      confirmedAt: new Date("2018-05-01T10:00:00Z"),
    };
    const reordered = { ...letter, topics: ["families", "prison-camps"] };
    expect(sourceRowHash("letter", reordered, key)).toBe(sourceRowHash("letter", letter, key));
    expect(sourceRowHash("signature", signer, key)).not.toBe(sourceRowHash("letter", letter, key));
  });
});
