// @vitest-environment node
// The bundle's CSV: held to csv-stringify's output (the options of lib/csv.ts) with the formula rule applied, and
// the files as written: UTF-8 byte-order mark, headers in the target's language, CRLF, quoted line breaks.
import { readFile, rm } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { buildBundle, type BuiltBundle } from "@/lib/delivery/bundle/build-bundle";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { csvLine } from "@/lib/delivery/bundle/csv-line";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import type { SignerRow } from "@/lib/delivery/bundle/types";
import { fixtureInput } from "@/tests/support/bundle-fixture";
import { csvRecords } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

describe("csvLine", () => {
  it("writes what csv-stringify writes, once formula cells are neutralised", () => {
    const cellText = fc.string({
      unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ",", '"', "'", " ", "a", "한", "😀"),
    });
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 5 }), (cells) => {
        const expected = stringify([cells.map(neutralise)], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
        expect(csvLine(cells)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"\r\n`],
    ["-2+3", "'-2+3\r\n"],
    ["@SUM(A1)", "'@SUM(A1)\r\n"],
    ["Kim, Min-jun", '"Kim, Min-jun"\r\n'],
    ["first\nsecond", '"first\nsecond"\r\n'],
  ])("%j", (cell, expected) => {
    expect(csvLine([cell])).toBe(expected);
  });
});

describe("the bundle's CSV files", () => {
  const key = createSigningKey();
  let en: BuiltBundle;
  let ko: BuiltBundle;
  const tricky: SignerRow[] = [
    {
      id: "t1",
      appearance: "full",
      name: "=cmd|' /C calc'!A0",
      city: "+Seoul",
      region: "-11",
      country: "KR",
      confirmedAt: "2018-05-01T00:00:00Z",
    },
    {
      id: "t2",
      appearance: "full",
      name: 'Kim "Jimmy" Lee',
      city: "Los Angeles, CA",
      region: null,
      country: "US",
      confirmedAt: "2018-05-01T00:00:00Z",
    },
    {
      id: "t3",
      appearance: "initials",
      name: "@handle",
      region: null,
      country: "GB",
      confirmedAt: "2018-05-01T00:00:00Z",
    },
    {
      id: "t4",
      appearance: "counted",
      name: "Hidden Person",
      region: "11",
      country: "KR",
      confirmedAt: "2018-05-01T00:00:00Z",
    },
  ];

  beforeAll(async () => {
    const sourceKey = deriveSourceKey("test-secret-test-secret-test-secret-0123456789");
    const options = { sourceKey, pageSizes: [] };
    en = await buildBundle(
      { ...fixtureInput({ signers: 0, letters: 3 }), signers: tricky },
      key.privateKeyPem,
      options,
    );
    ko = await buildBundle(
      { ...fixtureInput({ signers: 0, letters: 3, language: "ko" }), signers: tricky },
      key.privateKeyPem,
      options,
    );
  });
  afterAll(async () => {
    await rm(en.dir, { recursive: true, force: true });
    await rm(ko.dir, { recursive: true, force: true });
  });

  it("starts with a byte-order mark, names columns in the target's language, ends records with CRLF", async () => {
    const english = await readFile(en.files.get("signers.csv")!, "utf8");
    const korean = await readFile(ko.files.get("signers.csv")!, "utf8");
    expect(english.startsWith("\ufeffID,Name,City,Region,Country,Country code,Shown as\r\n")).toBe(true);
    expect(korean.startsWith("\ufeffID,이름,도시,지역,국가,국가 코드,표시 방식\r\n")).toBe(true);
    expect(english.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("lists the shown signers only, as they chose to appear, with formula cells neutralised", async () => {
    const records = csvRecords((await readFile(en.files.get("signers.csv")!, "utf8")).slice(1));
    expect(records.slice(1)).toEqual([
      ["t1", "'=cmd|' /C calc'!A0", "'+Seoul", "'-11", "South Korea", "KR", "name and place"],
      ["t2", 'Kim "Jimmy" Lee', "Los Angeles, CA", "", "United States", "US", "name and place"],
      ["t3", "H.", "", "", "United Kingdom", "GB", "initials"],
    ]);
    const all = (await Promise.all([...en.files.values()].map((p) => readFile(p, "utf8")))).join("\n");
    expect(all).not.toContain("Hidden Person");
  });

  it("writes each letter in full, line breaks inside one quoted cell", async () => {
    const records = csvRecords((await readFile(ko.files.get("letters.csv")!, "utf8")).slice(1));
    expect(records[0]).toEqual([
      "ID",
      "언어",
      "보낸 사람",
      "도시",
      "지역",
      "국가",
      "주제",
      "직접 쓴 편지",
      "제목",
      "본문",
      "번역 언어",
      "번역 제목",
      "번역 본문",
    ]);
    expect(records).toHaveLength(4);
    const korean = records.find((r) => r[1] === "한국어")!;
    expect(korean[9]).toContain("\n\n");
    expect(korean[9]).toContain("대통령님께,");
  });
});
