// @vitest-environment node
// Keys and signatures: key ids, the sealed private key, the manifest's signature, and what verifyBundle (the
// public page's check) finds and says about a bundle, its files and its rows.
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { buildBundle, type BuiltBundle } from "@/lib/delivery/bundle/build-bundle";
import { canonicalJson } from "@/lib/delivery/bundle/canonical-json";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import { keyIdOf } from "@/lib/delivery/bundle/key-id";
import { openPrivateKey } from "@/lib/delivery/bundle/open-private-key";
import { sealPrivateKey } from "@/lib/delivery/bundle/seal-private-key";
import { signManifest } from "@/lib/delivery/bundle/sign-manifest";
import { verifyBundle } from "@/lib/delivery/bundle/verify-bundle";
import { fixtureInput } from "@/tests/support/bundle-fixture";

const secret = "test-secret-test-secret-test-secret-0123456789";

describe("signing keys", () => {
  it("are Ed25519, with a key id of the first 16 hex digits of the raw public key's SHA-256", () => {
    const key = createSigningKey();
    expect(createPrivateKey(key.privateKeyPem).asymmetricKeyType).toBe("ed25519");
    const raw = Buffer.from(key.publicKey, "base64");
    expect(raw).toHaveLength(32);
    expect(key.keyId).toBe(createHash("sha256").update(raw).digest("hex").slice(0, 16));
    expect(keyIdOf(key.publicKeyPem)).toBe(key.keyId);
    expect(keyIdOf(key.privateKeyPem)).toBe(key.keyId);
    expect(keyIdOf(createPublicKey(key.publicKeyPem))).toBe(key.keyId);
    expect(createSigningKey().keyId).not.toBe(key.keyId);
  });

  it("are sealed at rest: only the same secret opens them, and any changed byte is refused", () => {
    const key = createSigningKey();
    const sealed = sealPrivateKey(key.privateKeyPem, secret);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(sealPrivateKey(key.privateKeyPem, secret)).not.toBe(sealed); // a fresh salt and IV each time
    expect(openPrivateKey(sealed, secret)).toBe(key.privateKeyPem);
    expect(() => openPrivateKey(sealed, `${secret}!`)).toThrow();
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 5]! ^= 1;
    expect(() => openPrivateKey(`v1.${bytes.toString("base64url")}`, secret)).toThrow();
    expect(() => openPrivateKey("v2.abc", secret)).toThrow(/not a sealed/);
  });

  it("refuse to sign with a key that is not Ed25519", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(() => signManifest(Buffer.from("{}"), privateKey)).toThrow(/Ed25519/);
  });
});

describe("verifyBundle", () => {
  const key = createSigningKey();
  let bundle: BuiltBundle;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    bundle = await buildBundle(fixtureInput({ signers: 60, letters: 6 }), key.privateKeyPem, {
      sourceKey: deriveSourceKey(secret),
      pageSizes: ["A4"],
    });
    files = new Map(
      await Promise.all([...bundle.files].map(async ([name, path]) => [name, await readFile(path)] as const)),
    );
  });
  afterAll(() => rm(bundle.dir, { recursive: true, force: true }));

  const verifyWith = (changes: Partial<Parameters<typeof verifyBundle>[0]> = {}) =>
    verifyBundle({
      manifestBytes: bundle.manifestBytes,
      signature: bundle.signature,
      publicKey: key.publicKey,
      files,
      ...changes,
    });
  const codes = (result: ReturnType<typeof verifyBundle>) => result.problems.map((p) => p.code);

  it("accepts the bundle as made, and says what it certifies without anything personal", () => {
    const result = verifyWith();
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, signatureValid: true, keyTrusted: true });
    expect(result.files.every((f) => f.status === "ok")).toBe(true);
    expect(result.certifies).toMatchObject({
      campaign: { slug: "summit-human-rights", title: "Put human rights on the summit agenda" },
      generatedAt: "2018-06-08T09:00:00.000Z",
      counts: { signatures: 60, letters: 6 },
      previousManifestSha256: null,
      keyId: key.keyId,
    });
    const said = JSON.stringify(result);
    expect(said).not.toContain("byRegion");
    for (const row of bundle.manifest.rows) expect(said).not.toContain(row.id);
    expect(said).not.toMatch(/@|○○|Jane|Seattle/);
  });

  it("checks the manifest alone when no files are given, and with the signature file as written", async () => {
    const sig = await readFile(bundle.files.get("manifest.sig")!);
    const result = verifyBundle({ manifestBytes: bundle.manifestBytes, signature: sig });
    expect(result).toMatchObject({ ok: true, keyTrusted: null });
    expect(result.files.every((f) => f.status === "not-given")).toBe(true);
  });

  it("finds a changed byte of the manifest", () => {
    const changed = Buffer.from(bundle.manifestBytes);
    const at = changed.indexOf('"signatures":60') + '"signatures":'.length;
    changed[at] = "7".charCodeAt(0);
    expect(codes(verifyWith({ manifestBytes: changed }))).toEqual(
      expect.arrayContaining(["signature_invalid", "counts_inconsistent"]),
    );
  });

  it("finds a manifest re-signed by another key, and accepts a rotated key that is still published", () => {
    const other = createSigningKey();
    const resigned = signManifest(bundle.manifestBytes, other.privateKeyPem);
    expect(codes(verifyWith({ signature: resigned }))).toContain("signature_invalid");
    const forged = Buffer.from(
      canonicalJson({ ...bundle.manifest, publicKey: other.publicKey, keyId: other.keyId }) + "\n",
    );
    const forgedResult = verifyWith({ manifestBytes: forged, signature: signManifest(forged, other.privateKeyPem) });
    expect(forgedResult.signatureValid).toBe(true);
    expect(codes(forgedResult)).toEqual(["key_untrusted"]);
    expect(forgedResult.certifies).toBeNull();
    expect(verifyWith({ publicKey: [other.publicKeyPem, key.publicKeyPem] }).ok).toBe(true);
  });

  it("finds a changed byte in any file, and recognises a renamed one by its hash", () => {
    for (const name of bundle.manifest.files.map((f) => f.name)) {
      const changed = Buffer.from(files.get(name)!);
      changed[Math.floor(changed.length / 2)]! ^= 0x01;
      const result = verifyWith({ files: new Map([[name, changed]]) });
      expect(result.problems).toContainEqual(expect.objectContaining({ code: "file_changed", file: name }));
    }
    const renamed = verifyWith({ files: new Map([["download (1).pdf", files.get("bundle.pdf")!]]) });
    expect(renamed.ok).toBe(true);
    expect(renamed.files.find((f) => f.name === "bundle.pdf")).toEqual({
      name: "bundle.pdf",
      given: "download (1).pdf",
      status: "ok",
    });
    expect(codes(verifyWith({ files: new Map([["notes.txt", Buffer.from("x")]]) }))).toEqual(["file_unknown"]);
  });

  it("traces a change in bundle.json to the row", () => {
    const json = JSON.parse(files.get("bundle.json")!.toString("utf8"));
    const shown = json.signers.find((s: { appearance: string }) => s.appearance === "full");
    shown.name = `${shown.name} Jr.`;
    const result = verifyWith({ files: new Map([["bundle.json", Buffer.from(JSON.stringify(json))]]) });
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "row_changed", id: shown.id }));
    expect(codes(result)).toContain("file_changed");
  });

  it.each([
    ["not JSON", "{", "manifest_unreadable"],
    ["another format", JSON.stringify({ version: "x/1", rows: [], files: [] }), "manifest_unknown"],
    [
      "a malformed manifest",
      JSON.stringify({ version: "open-letters-bundle/1", rows: [null], files: [], counts: {} }),
      "",
    ],
  ])("answers %s with a problem, never an exception", (_, text, code) => {
    const result = verifyBundle({ manifestBytes: Buffer.from(text), signature: bundle.signature });
    expect(result.ok).toBe(false);
    if (code) expect(codes(result)).toEqual([code]);
    expect(result.certifies).toBeNull();
  });
});
