// @vitest-environment node
// A bundle as made: the same input gives the same bytes (files are hashed), no email address or postal code reaches
// any file, each signer appears as they chose, Korean renders as text in an embedded font, both page sizes.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBundle, type BuiltBundle } from "@/lib/delivery/bundle/build-bundle";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import type { BundleInput, LetterRow, SignerRow } from "@/lib/delivery/bundle/types";
import { fixtureInput, fixtureLetters, fixtureRegionName } from "@/tests/support/bundle-fixture";
import { readBundleDirectory, verifyBundleFiles } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const key = createSigningKey();
const sourceKey = deriveSourceKey("test-secret-test-secret-test-secret-0123456789");
const built: BuiltBundle[] = [];
afterAll(async () => {
  for (const bundle of built) await rm(bundle.dir, { recursive: true, force: true });
});

const at = "2018-05-02T00:00:00Z";
const people: (SignerRow & { postalCode: string; email: string })[] = [
  {
    id: "p1",
    appearance: "full",
    name: "Grace Hopewell",
    city: "Arlington",
    region: "VA",
    country: "US",
    confirmedAt: at,
    postalCode: "22201",
    email: "grace@example.org",
  },
  {
    id: "p2",
    appearance: "initials",
    name: "Ottilie Quarmby",
    city: "Leeds",
    region: "England",
    country: "GB",
    confirmedAt: at,
    postalCode: "LS1 4AP",
    email: "sam@example.org",
  },
  {
    id: "p3",
    appearance: "counted",
    name: "Hidden Writer",
    city: "Haeundae",
    region: "26",
    country: "KR",
    confirmedAt: at,
    postalCode: "48058",
    email: "hidden@example.org",
  },
  {
    id: "p4",
    appearance: "initials",
    name: "최영호",
    city: "수원",
    region: "41",
    country: "KR",
    confirmedAt: at,
    postalCode: "16489",
    email: "choi@example.org",
  },
  {
    id: "p5",
    appearance: "full",
    name: "이순희",
    city: "서울",
    region: "11",
    country: "KR",
    confirmedAt: at,
    postalCode: "03000",
    email: "lee@example.org",
  },
  {
    id: "p6",
    appearance: "full",
    name: "mark@example.org",
    region: null,
    country: "US",
    confirmedAt: at,
    postalCode: "10001",
    email: "mark@example.org",
  },
];
const koreanLetter: LetterRow = {
  ...fixtureLetters(1)[0]!,
  id: "k1",
  body: "대통령님께,\n\n저는 함경북도에서 태어났습니다. 人權을 생각합니다. 답장은 choi@example.org 로 보내 주십시오.\n\n감사합니다.",
  writer: { appearance: "initials", name: "최영호", city: "수원", region: "41", country: "KR" },
};

function input(language: "en" | "ko"): BundleInput {
  const base = fixtureInput({ signers: 0, letters: 0, language });
  return { ...base, signers: people, letters: [koreanLetter, ...fixtureLetters(4).slice(1)] };
}

async function make(language: "en" | "ko", pageSizes: ("A4" | "LETTER")[] = ["A4", "LETTER"]) {
  const bundle = await buildBundle(input(language), key.privateKeyPem, {
    sourceKey,
    regionName: fixtureRegionName,
    pageSizes,
  });
  built.push(bundle);
  return bundle;
}

async function pdfText(path: string): Promise<string> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile(path))), {
    mergePages: true,
  });
  return text;
}

describe("buildBundle", () => {
  let en: BuiltBundle;
  let ko: BuiltBundle;
  beforeAll(async () => {
    [en, ko] = [await make("en"), await make("ko")];
  });

  it("gives the same bytes for the same input, so a bundle can be made again and compared", async () => {
    const again = await make("en");
    expect(again.manifestBytes.equals(en.manifestBytes)).toBe(true);
    expect(again.signature).toBe(en.signature);
    expect(again.manifest.files.map((f) => f.sha256)).toEqual(en.manifest.files.map((f) => f.sha256));
  });

  it("writes every file the manifest lists, and the standalone verifier accepts them", async () => {
    expect([...en.files.keys()].sort()).toEqual([
      "bundle-us-letter.pdf",
      "bundle.json",
      "bundle.pdf",
      "letters.csv",
      "manifest.json",
      "manifest.sig",
      "signers.csv",
    ]);
    for (const bundle of [en, ko]) {
      const result = await verifyBundleFiles(await readBundleDirectory(bundle.dir), { trustedKeyIds: [key.keyId] });
      expect(result.problems).toEqual([]);
    }
  });

  it("lets no email address, postal code or withheld name into any file", async () => {
    for (const bundle of [en, ko]) {
      for (const [name, path] of bundle.files) {
        const text = name.endsWith(".pdf") ? await pdfText(path) : await readFile(path, "utf8");
        for (const secret of ["@example.org", "22201", "LS1 4AP", "48058", "16489", "03000", "10001"])
          expect(text).not.toContain(secret);
        for (const withheld of ["Ottilie", "Quarmby", "Hidden Writer", "Haeundae", "최영호"])
          expect(text).not.toContain(withheld);
      }
    }
  });

  it("shows each signer as they chose, in the target's language", async () => {
    const english = await pdfText(en.files.get("bundle.pdf")!);
    expect(english).toContain("Grace Hopewell — Arlington, Virginia, United States");
    expect(english).toContain("O. Q. — United Kingdom");
    expect(english).toContain("최○○ — South Korea");
    expect(english).toContain("이순희 — 서울, Seoul, South Korea");
    expect(english).not.toMatch(/Ottilie|Quarmby|Hidden Writer|최영호/);
    const korean = await pdfText(ko.files.get("bundle.pdf")!);
    // Korean runs from large to small, and says Seoul once.
    expect(korean).toContain("Grace Hopewell — 미국 버지니아 Arlington");
    expect(korean).toContain("이순희 — 대한민국 서울특별시");
    expect(korean).toContain("서명자 6명 가운데 4명을"); // the name that was only an address leaves p6 counted
  });

  it("renders Korean as text in the embedded Pretendard subset, not as missing glyphs", async () => {
    const korean = await pdfText(ko.files.get("bundle.pdf")!);
    for (const phrase of [
      "정상회담 의제에 인권을",
      "공개서한",
      "국가·지역별 서명 수",
      "저는 함경북도에서 태어났습니다.",
      "[이메일 주소 삭제]",
    ]) {
      expect(korean).toContain(phrase);
    }
    const english = await pdfText(en.files.get("bundle.pdf")!);
    expect(english).toContain("대통령님은 2018년 6월 12일 싱가포르에서"); // the open letter in the other language
    expect(english).toContain("Written in Korean (printed as written)");
    const raw = (await readFile(ko.files.get("bundle.pdf")!)).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Pretendard-Regular/);
    expect(raw).toContain("/FontFile2");
  });

  it("says so when a letter has characters the font cannot draw (Hanja), instead of printing boxes silently", async () => {
    expect(await pdfText(en.files.get("bundle.pdf")!)).toContain("2 characters of this letter (Hanja");
    expect(await pdfText(ko.files.get("bundle.pdf")!)).toContain("이 편지의 글자 2자(한자");
    expect(await readFile(en.files.get("letters.csv")!, "utf8")).toContain("人權을 생각합니다.");
  });

  it("makes A4 and US Letter pages", async () => {
    const a4 = (await readFile(en.files.get("bundle.pdf")!)).toString("latin1");
    const letter = (await readFile(en.files.get("bundle-us-letter.pdf")!)).toString("latin1");
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(letter).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect(letter).not.toContain("841.89");
  });

  it("states how many letters are in the writers' own words and how many are near copies", async () => {
    const { personalisedLetters, nearCopyLetters, letters } = en.manifest.counts;
    expect(personalisedLetters + nearCopyLetters).toBe(letters);
    expect(nearCopyLetters).toBeGreaterThan(0);
    const english = await pdfText(en.files.get("bundle.pdf")!);
    expect(english).toContain(`${personalisedLetters} in the writers' own words · ${nearCopyLetters} near copies`);
  });

  it("leaves no half-written file behind when a row is refused, even in the caller's directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bundle-failed-"));
    const rows = [...people, { ...people[0]!, id: "bad", country: "Korea" }];
    const failing = buildBundle({ ...input("en"), signers: rows }, key.privateKeyPem, { sourceKey, outDir: dir });
    await expect(failing).rejects.toThrow(/country code/);
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true });
  });
});
