// @vitest-environment node
// What a bundle shows of each person and letter: the appearance each chose, initials (김○○ for Korean names), no
// email address, no postal code, no field it was not asked to show; near copies; counts by country and region.
import { classifyLetters } from "@/lib/delivery/bundle/classify-letters";
import { includeLetter } from "@/lib/delivery/bundle/include-letter";
import { includeSigner } from "@/lib/delivery/bundle/include-signer";
import { initialsOf } from "@/lib/delivery/initials-of";
import { tallySigners } from "@/lib/delivery/bundle/tally-signers";
import type { LetterRow, SignerRow } from "@/lib/delivery/bundle/types";

const base: SignerRow = {
  id: "s1",
  status: "confirmed",
  appearance: "full",
  name: "Jane Doe",
  city: "Seattle",
  region: "WA",
  country: "US",
  confirmedAt: new Date("2018-05-01T10:00:00Z"),
  emailKey: "jane@example.test",
};

describe("initialsOf", () => {
  it.each([
    ["Jane Doe", "J. D."],
    ["jean-luc picard", "J.-L. P."],
    ["Kim Min-jun", "K. M.-J."],
    ["김민준", "김○○"],
    ["김 민준", "김○○"],
    ["남궁민", "남○○"],
    ["王小明", "王○○"],
    ["María del Carmen García López", "M. D. C. L."],
    ["Жанна Иванова", "Ж. И."],
    ["  o'neil  ", "O."],
    ["", ""],
    ["123 !!", ""],
  ])("%j → %j", (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });
});

describe("includeSigner", () => {
  it.each<[string, Partial<SignerRow>, object]>([
    [
      "full: name, city, region and country",
      {},
      {
        kind: "signature",
        id: "s1",
        appearance: "full",
        name: "Jane Doe",
        city: "Seattle",
        region: "WA",
        country: "US",
      },
    ],
    ["full without a place", { city: null, region: null }, { appearance: "full", name: "Jane Doe", country: "US" }],
    [
      "initials: initials and country only",
      { appearance: "initials" },
      { appearance: "initials", name: "J. D.", country: "US" },
    ],
    [
      "a Korean name's initials",
      { appearance: "initials", name: "박서연", country: "kr" },
      { name: "박○○", country: "KR" },
    ],
    ["counted: nothing but the id", { appearance: "counted" }, { kind: "signature", id: "s1", appearance: "counted" }],
    ["a name that was only an email address", { name: " jane@example.org " }, { appearance: "counted" }],
    ["an email address inside a name", { name: "Jane Doe jane@example.org" }, { name: "Jane Doe" }],
    ["control characters and runs of spaces", { name: "Jane\u0000  \tDoe\u200b" }, { name: "Jane Doe" }],
  ])("%s", (_, change, expected) => {
    const included = includeSigner({ ...base, ...change });
    expect(included).toMatchObject(expected);
    if ((expected as { appearance?: string }).appearance === "counted")
      expect(Object.keys(included).sort()).toEqual(["appearance", "id", "kind"]);
  });

  it("never carries the email key, status, time or any other stored field, such as a postal code", () => {
    const stored = { ...base, postalCode: "98101", email: "jane@example.org" } as SignerRow;
    for (const appearance of ["full", "initials", "counted"] as const) {
      const text = JSON.stringify(includeSigner({ ...stored, appearance }));
      for (const secret of ["98101", "@", "confirmed", "2018-05-01"]) expect(text).not.toContain(secret);
    }
  });

  it.each(["Korea", "", "U1"])("refuses the country %j", (country) => {
    expect(() => includeSigner({ ...base, country })).toThrow(/country code/);
  });

  it("refuses an unknown appearance", () => {
    expect(() => includeSigner({ ...base, appearance: "public" as never })).toThrow(/appearance/);
  });
});

describe("includeLetter", () => {
  const letter: LetterRow = {
    id: "l1",
    language: "ko",
    subject: "정상회담 의제에 인권을",
    body: "대통령님께,\r\n\r\n연락은 kim@example.org 로 주십시오.\r\n감사합니다.",
    writer: { appearance: "full", name: "김민준", city: "서울", region: "11", country: "KR" },
    topics: ["prison-camps", "families", "prison-camps"],
    personalised: true,
    confirmedAt: new Date("2018-05-20T00:00:00Z"),
    emailKey: "kim@example.org",
  };

  it("keeps the text as written (NFC, LF), replacing email addresses with a marker in the letter's language", () => {
    const included = includeLetter(letter, "own-words");
    expect(included.body).toBe("대통령님께,\n\n연락은 [이메일 주소 삭제] 로 주십시오.\n감사합니다.");
    expect(includeLetter({ ...letter, language: "en", body: "Write to a@b.org." }, "own-words").body).toBe(
      "Write to [email address removed].",
    );
    expect(included.topics).toEqual(["families", "prison-camps"]);
    expect(included.writer).toEqual({ appearance: "full", name: "김민준", city: "서울", region: "11", country: "KR" });
  });

  it("shows a writer who chose no name without a place either", () => {
    const included = includeLetter({ ...letter, writer: { ...letter.writer, appearance: "counted" } }, "near-copy");
    expect(included.writer).toEqual({ appearance: "counted" });
    expect(JSON.stringify(included)).not.toMatch(/김민준|서울|KR/);
  });

  it("keeps a translation beside the original", () => {
    const translated = { ...letter, translation: { language: "en", subject: "Human rights", body: "Dear President," } };
    const included = includeLetter(translated, "own-words");
    expect(included.translation).toEqual({ language: "en", subject: "Human rights", body: "Dear President," });
    expect(included.language).toBe("ko");
  });
});

describe("classifyLetters", () => {
  it("counts a personalised letter with a text of its own as own words, the rest as near copies", () => {
    const result = classifyLetters([
      { id: "a", body: "My own story about my grandmother.", personalised: true },
      { id: "b", body: "Please raise the camps!", personalised: true },
      { id: "c", body: "please   raise the camps", personalised: true }, // the same text but for case and punctuation
      { id: "d", body: "The campaign's paragraph, unchanged.", personalised: false },
      { id: "e", body: "정치범수용소를 해체해 주십시오.", personalised: true },
    ]);
    expect(Object.fromEntries(result.individuality)).toEqual({
      a: "own-words",
      b: "near-copy",
      c: "near-copy",
      d: "near-copy",
      e: "own-words",
    });
    expect([result.personalised, result.nearCopies]).toEqual([2, 3]);
  });
});

describe("tallySigners", () => {
  it("counts every signature by country and stored region, counted-only ones included", () => {
    const tally = tallySigners();
    const rows: SignerRow[] = [
      base,
      { ...base, id: "s2", appearance: "counted", region: " WA " },
      { ...base, id: "s3", appearance: "initials", region: null },
      { ...base, id: "s4", country: "kr", region: "11" },
    ];
    for (const row of rows) tally.add(row, includeSigner(row));
    expect(tally.counts()).toEqual({
      signatures: 4,
      signaturesByAppearance: { full: 2, initials: 1, counted: 1 },
      byCountry: { KR: 1, US: 3 },
      byRegion: { KR: { "11": 1 }, US: { WA: 2 } },
    });
  });
});
