// @vitest-environment node
// The proof asked for in the issue: a bundle for 10,000 signers and 500 letters (Korean and English) verifies with
// the standalone verifier (node:crypto and a PDF text extractor only); then one changed byte of one file is found,
// and one changed row of the database the bundle was made from is found by re-hashing its source rows.
import { readFile, rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { buildBundle, type BuiltBundle } from "@/lib/delivery/bundle/build-bundle";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import { findChangedRows } from "@/lib/delivery/bundle/find-changed-rows";
import { includeSigner } from "@/lib/delivery/bundle/include-signer";
import { rowHash } from "@/lib/delivery/bundle/row-hash";
import type { LetterRow, SignerRow } from "@/lib/delivery/bundle/types";
import { fixtureInput, fixtureLetters, fixtureRegionName, fixtureSigners } from "@/tests/support/bundle-fixture";
import { readBundleDirectory, verifyBundleFiles } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const signerCount = 10_000;
const letterCount = 500;
const key = createSigningKey();
const sourceKey = deriveSourceKey("test-secret-test-secret-test-secret-0123456789");

/** The rows as the database holds them: the same seeded rows the bundle was made from. */
function databaseRows(): ({ kind: "signature"; row: SignerRow } | { kind: "letter"; row: LetterRow })[] {
  return [
    ...[...fixtureSigners(signerCount, 1)].map((row) => ({ kind: "signature" as const, row })),
    ...fixtureLetters(letterCount, 2).map((row) => ({ kind: "letter" as const, row })),
  ];
}

describe(
  `a bundle of ${signerCount.toLocaleString("en")} signers and ${letterCount} letters`,
  { timeout: 180_000 },
  () => {
    let bundle: BuiltBundle;
    let files: Map<string, Buffer>;

    beforeAll(async () => {
      const started = performance.now();
      bundle = await buildBundle(
        fixtureInput({ signers: signerCount, letters: letterCount, language: "en" }),
        key.privateKeyPem,
        {
          sourceKey,
          regionName: fixtureRegionName,
        },
      );
      console.info(`bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      files = await readBundleDirectory(bundle.dir);
    }, 180_000);
    afterAll(() => rm(bundle.dir, { recursive: true, force: true }));

    it("holds what was asked: every row, Korean and English letters, both page sizes", () => {
      const { counts, rows, files: listed } = bundle.manifest;
      expect(counts).toMatchObject({ signatures: signerCount, letters: letterCount });
      expect(rows).toHaveLength(signerCount + letterCount);
      expect(listed.map((f) => f.name)).toEqual([
        "bundle-us-letter.pdf",
        "bundle.json",
        "bundle.pdf",
        "letters.csv",
        "signers.csv",
      ]);
      const languages = new Set(fixtureLetters(letterCount, 2).map((l) => l.language));
      expect([...languages].sort()).toEqual(["en", "ko"]);
    });

    it("verifies with the standalone verifier", async () => {
      const started = performance.now();
      const result = await verifyBundleFiles(files, { trustedKeyIds: [key.keyId] });
      console.info(`standalone verifier: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.certifies?.counts.signatures).toBe(signerCount);
    });

    it("finds one changed byte of one file", async () => {
      const pdf = Buffer.from(files.get("bundle.pdf")!);
      pdf[Math.floor(pdf.length / 2)]! ^= 0x20;
      const result = await verifyBundleFiles(new Map([...files, ["bundle.pdf", pdf]]), { trustedKeyIds: [key.keyId] });
      expect(result.ok).toBe(false);
      expect(result.problems).toContain("bundle.pdf has changed");

      for (const name of ["signers.csv", "letters.csv", "bundle.json"]) {
        const bytes = Buffer.from(files.get(name)!);
        bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
        const only = new Map([
          ["manifest.json", files.get("manifest.json")!],
          ["manifest.sig", files.get("manifest.sig")!],
          [name, bytes],
        ]);
        expect((await verifyBundleFiles(only)).problems).toContain(`${name} has changed`);
      }
      const manifest = Buffer.from(files.get("manifest.json")!);
      manifest[manifest.indexOf('"signatures":10000') + 13]! ^= 0x02; // 10000 → 30000
      const forged = await verifyBundleFiles(
        new Map([
          ["manifest.json", manifest],
          ["manifest.sig", files.get("manifest.sig")!],
        ]),
      );
      expect(forged.problems).toContain("the signature does not match manifest.json");
    });

    it("finds one changed row of the database, even a field the bundle withheld", async () => {
      const rows = databaseRows();
      expect(findChangedRows(bundle.manifest, rows, sourceKey)).toEqual({ changed: [], missing: [], unexpected: [] });

      // A signer who chose to be counted without a name: the bundle shows nothing of the name, so only the keyed
      // source hash can see it change.
      const at = rows.findIndex((r, i) => i > 4321 && r.kind === "signature" && r.row.appearance === "counted");
      const original = rows[at]!.row as SignerRow;
      rows[at] = { kind: "signature", row: { ...original, name: `${original.name}x` } };
      expect(rowHash(includeSigner(rows[at]!.row as SignerRow))).toBe(bundle.manifest.rows[at]!.sha256);
      expect(findChangedRows(bundle.manifest, rows, sourceKey)).toEqual({
        changed: [{ kind: "signature", id: original.id }],
        missing: [],
        unexpected: [],
      });

      // A letter edited, another signer deleted outright: both named.
      const letterAt = rows.findIndex((r) => r.kind === "letter" && r.row.language === "ko");
      const letter = rows[letterAt]!.row as LetterRow;
      rows[letterAt] = { kind: "letter", row: { ...letter, body: letter.body.replace("대통령님께", "대통령께") } };
      const deleted = rows.splice(7, 1)[0]!;
      const found = findChangedRows(bundle.manifest, rows, sourceKey);
      expect(found.changed).toEqual([
        { kind: "signature", id: original.id },
        { kind: "letter", id: letter.id },
      ]);
      expect(found.missing).toEqual([{ kind: "signature", id: deleted.row.id }]);
    });

    it("prints the counts the manifest signs on a cover that renders, and numbers its pages", async () => {
      const { getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(files.get("bundle.pdf")!), { verbosity: 0 });
      const pageText = async (n: number) => {
        const content = await (await pdf.getPage(n)).getTextContent();
        return content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      };
      const cover = await pageText(1);
      expect(cover).toContain("10,000");
      expect(cover).toContain(bundle.manifest.contentSha256);
      expect(await pageText(3)).toContain("대통령님은 2018년 6월 12일 싱가포르에서"); // the open letter in Korean
      expect(await pageText(pdf.numPages)).toContain(`${pdf.numPages} / ${pdf.numPages}`);
    });
  },
);
