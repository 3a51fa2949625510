// @vitest-environment node
// The append-only record: each manifest names the previous one's SHA-256; a signature or letter that was in the
// previous bundle and is not in the next is listed there as a removal with its reason, never silently.
import { readFile, rm } from "node:fs/promises";
import { buildBundle, type BuiltBundle } from "@/lib/delivery/bundle/build-bundle";
import { canonicalJson } from "@/lib/delivery/bundle/canonical-json";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import type { BundleInput, Manifest } from "@/lib/delivery/bundle/types";
import { verifyBundle } from "@/lib/delivery/bundle/verify-bundle";
import { verifyChain } from "@/lib/delivery/bundle/verify-chain";
import { fixtureInput, fixtureLetters, fixtureSigners } from "@/tests/support/bundle-fixture";
import { verifyBundleFiles } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const key = createSigningKey();
const options = {
  sourceKey: deriveSourceKey("test-secret-test-secret-test-secret-0123456789"),
  pageSizes: [] as ("A4" | "LETTER")[],
};
const built: BuiltBundle[] = [];

async function build(input: BundleInput, extra: Partial<typeof options> & { previousManifest?: Buffer } = {}) {
  const bundle = await buildBundle(input, key.privateKeyPem, { ...options, ...extra });
  built.push(bundle);
  return bundle;
}

afterAll(async () => {
  for (const bundle of built) await rm(bundle.dir, { recursive: true, force: true });
});

describe("the chain of manifests", () => {
  const signers = [...fixtureSigners(40)];
  const letters = fixtureLetters(6);
  const withdrawn = signers[3]!;
  const struckOut = signers[7]!;
  const vanished = signers[11]!;
  const rejected = letters[2]!;
  let first: BuiltBundle;
  let second: BuiltBundle;

  beforeAll(async () => {
    first = await build({ ...fixtureInput({ signers: 0, letters: 0 }), signers, letters });
    const later = {
      ...fixtureInput({ signers: 0, letters: 0 }),
      generatedAt: new Date("2018-06-11T09:00:00Z"),
      previousManifestHash: first.manifestSha256,
      signers: signers.filter((s) => ![withdrawn, struckOut, vanished].includes(s)),
      letters: letters.filter((l) => l !== rejected),
      removals: [
        { kind: "signature" as const, id: withdrawn.id, reasonCode: "withdrawn" },
        { kind: "signature" as const, id: struckOut.id, reasonCode: "invalidated" },
        { kind: "letter" as const, id: rejected.id, reasonCode: "rejected" },
      ],
    };
    second = await build(later, { previousManifest: first.manifestBytes, pageSizes: ["A4"] });
  });

  it("starts with no previous manifest and links each next one to the previous one's SHA-256", () => {
    expect(first.manifest.previousManifestSha256).toBeNull();
    expect(second.manifest.previousManifestSha256).toBe(first.manifestSha256);
    expect(verifyChain(first.manifestBytes, second.manifestBytes)).toEqual({ ok: true, problems: [] });
  });

  it("lists every row that left, with the caller's reason or 'unexplained', and counts them", () => {
    expect(second.manifest.removals).toEqual(
      [
        { kind: "letter", id: rejected.id, reason: "rejected" },
        { kind: "signature", id: withdrawn.id, reason: "withdrawn" },
        { kind: "signature", id: struckOut.id, reason: "invalidated" },
        { kind: "signature", id: vanished.id, reason: "unexplained" },
      ].sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1)),
    );
    expect(second.manifest.counts).toMatchObject({ signatures: 37, letters: 5, removals: 4 });
  });

  it("prints the removals, by reason, in the PDF", async () => {
    const files = new Map([
      ["manifest.json", second.manifestBytes],
      ["manifest.sig", Buffer.from(second.signature)],
      ["bundle.pdf", await readFile(second.files.get("bundle.pdf")!)],
    ]);
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(files.get("bundle.pdf")!)), {
      mergePages: true,
    });
    expect(text).toContain("Removed since the previous bundle");
    expect(text).toMatch(/Signatures: withdrawn by the signer or writer \(withdrawn\)\s*1/);
    expect(text).toMatch(/Signatures: no reason recorded \(unexplained\)\s*1/);
    expect(text).toContain(first.manifestSha256);
    const verified = await verifyBundleFiles(files);
    expect(verified.problems.filter((p: string) => !p.endsWith("is missing"))).toEqual([]);
  });

  it("finds a manifest that drops a removal (re-signed, so only the chain can tell)", () => {
    const manifest: Manifest = {
      ...second.manifest,
      removals: second.manifest.removals.filter((r) => r.id !== withdrawn.id),
    };
    const bytes = Buffer.from(`${canonicalJson(manifest)}\n`);
    const chain = verifyChain(first.manifestBytes, bytes);
    expect(chain.problems).toEqual([expect.objectContaining({ code: "silent_removal", id: withdrawn.id })]);
  });

  it("finds a manifest that does not name the previous one", () => {
    const manifest = { ...second.manifest, previousManifestSha256: "0".repeat(64) };
    const chain = verifyChain(first.manifestBytes, Buffer.from(canonicalJson(manifest)));
    expect(chain.problems.map((p) => p.code)).toEqual(["chain_broken"]);
    expect(verifyChain(second.manifestBytes, first.manifestBytes).ok).toBe(false);
  });

  it("still verifies on its own", () => {
    expect(
      verifyBundle({ manifestBytes: second.manifestBytes, signature: second.signature, publicKey: key.publicKey }).ok,
    ).toBe(true);
  });

  it.each<[string, Partial<BundleInput>, Record<string, unknown>, RegExp]>([
    [
      "a previous manifest that is not the one named",
      { previousManifestHash: "a".repeat(64) },
      { previous: true },
      /does not match/,
    ],
    ["a previous hash that is not hex", { previousManifestHash: "not-a-hash" }, {}, /SHA-256/],
    [
      "a row both included and removed",
      { removals: [{ kind: "signature", id: signers[0]!.id, reasonCode: "withdrawn" }] },
      {},
      /both/,
    ],
    [
      "a reason code that is not a code",
      { removals: [{ kind: "signature", id: "x", reasonCode: "Withdrawn!" }] },
      {},
      /reason/,
    ],
    ["a signer twice", { signers: [signers[0]!, signers[0]!] }, {}, /twice/],
  ])("refuses %s", async (_, change, flags, message) => {
    const input = { ...fixtureInput({ signers: 0, letters: 0 }), signers: signers.slice(0, 5), ...change };
    await expect(build(input, flags.previous ? { previousManifest: first.manifestBytes } : {})).rejects.toThrow(
      message,
    );
  });
});
