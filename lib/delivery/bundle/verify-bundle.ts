// Checks a bundle for the public verification page: the signature over manifest.json's exact bytes, the key, the
// content digest, the counts against the rows, any files given, and bundle.json row by row.
import { createHash, verify, type KeyObject } from "node:crypto";
import { contentDigest } from "./content-digest";
import { keyIdOf, publicKeyOf } from "./key-id";
import { rowHash } from "./row-hash";
import {
  bundleFileNames,
  manifestVersion,
  type BundleCounts,
  type IncludedLetter,
  type IncludedSigner,
  type Manifest,
} from "./types";

export type BundleProblem = { code: string; message: string; file?: string; id?: string };

export type BundleCertificate = {
  campaign: Manifest["campaign"];
  organization: Manifest["organization"];
  target: Manifest["target"];
  generatedAt: string;
  counts: Omit<BundleCounts, "byRegion">;
  previousManifestSha256: string | null;
  contentSha256: string;
  keyId: string;
};

export type BundleVerification = {
  ok: boolean;
  signatureValid: boolean;
  /** null when no trusted key was given: the manifest is then only shown to be signed by the key it names. */
  keyTrusted: boolean | null;
  certifies: BundleCertificate | null;
  files: { name: string; given: string | null; status: "ok" | "changed" | "not-given" }[];
  problems: BundleProblem[];
};

type Args = {
  manifestBytes: Buffer;
  signature: string | Buffer;
  /** The organization's published key(s), old ones included; without, only self-consistency is checked. */
  publicKey?: string | KeyObject | (string | KeyObject)[];
  files?: Map<string, Buffer>;
};

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function countProblems(m: Manifest): string[] {
  const c = m.counts;
  const found: string[] = [];
  const signatures = m.rows.filter((r) => r.kind === "signature").length;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
  if (c.signatures !== signatures) found.push(`counts.signatures is ${c.signatures}, rows hold ${signatures}`);
  if (c.letters !== m.rows.length - signatures)
    found.push(`counts.letters is ${c.letters}, rows hold ${m.rows.length - signatures}`);
  if (sum(c.byCountry) !== c.signatures) found.push("counts.byCountry does not add up to counts.signatures");
  if (sum(c.signaturesByAppearance) !== c.signatures) found.push("counts.signaturesByAppearance does not add up");
  for (const [country, regions] of Object.entries(c.byRegion)) {
    if (sum(regions) > (c.byCountry[country] ?? 0))
      found.push(`counts.byRegion.${country} exceeds its country's count`);
  }
  if (c.personalisedLetters + c.nearCopyLetters !== c.letters)
    found.push("personalised and near-copy letters do not add up");
  if (c.removals !== m.removals.length) found.push(`counts.removals is ${c.removals}, ${m.removals.length} listed`);
  return found;
}

function checkRows(m: Manifest, json: Buffer, problems: BundleProblem[]): void {
  let data: { signers?: IncludedSigner[]; letters?: IncludedLetter[] };
  try {
    data = JSON.parse(json.toString("utf8"));
  } catch {
    problems.push({ code: "file_unreadable", message: "bundle.json is not JSON", file: bundleFileNames.json });
    return;
  }
  const expected = new Map(m.rows.map((r) => [`${r.kind}:${r.id}`, r.sha256]));
  for (const row of [...(data.signers ?? []), ...(data.letters ?? [])]) {
    const key = `${row.kind}:${row.id}`;
    const want = expected.get(key);
    if (want === undefined) problems.push({ code: "row_extra", message: `${key} is not in the manifest`, id: row.id });
    else if (rowHash(row) !== want)
      problems.push({ code: "row_changed", message: `${key} differs from its hash`, id: row.id });
    expected.delete(key);
  }
  for (const key of expected.keys())
    problems.push({ code: "row_missing", message: `${key} is missing from bundle.json`, id: key.split(":")[1] });
}

/**
 * Files are matched by name, or by hash when renamed. `certifies` says what a valid manifest vouches for —
 * campaign, time, counts by country — and nothing personal: no rows, no names, no regions (a region typed as free
 * text could be anything).
 */
export function verifyBundle(args: Args): BundleVerification {
  const problems: BundleProblem[] = [];
  const fail = (code: string, message: string): BundleVerification => ({
    ok: false,
    signatureValid: false,
    keyTrusted: null,
    certifies: null,
    files: [],
    problems: [...problems, { code, message }],
  });
  let m: Manifest;
  try {
    m = JSON.parse(args.manifestBytes.toString("utf8")) as Manifest;
  } catch {
    return fail("manifest_unreadable", "manifest.json is not JSON");
  }
  if (m?.version !== manifestVersion || !Array.isArray(m.rows) || !Array.isArray(m.files) || !m.counts) {
    return fail("manifest_unknown", `not an ${manifestVersion} manifest`);
  }
  try {
    return inspect(args, m, problems, fail);
  } catch {
    // Only a manifest we did not make can be malformed past its version; the page must still answer, not fail.
    return fail("manifest_malformed", "the manifest is not well formed");
  }
}

function inspect(
  args: Args,
  m: Manifest,
  problems: BundleProblem[],
  fail: (code: string, message: string) => BundleVerification,
): BundleVerification {
  let key: KeyObject;
  try {
    key = publicKeyOf(m.publicKey);
  } catch {
    return fail("key_unreadable", "the manifest's public key is not an Ed25519 key");
  }
  const keyId = keyIdOf(key);
  if (keyId !== m.keyId)
    problems.push({ code: "key_id_mismatch", message: `keyId ${m.keyId} is not the id of the key given (${keyId})` });
  const signature = Buffer.from(args.signature.toString().trim(), "base64");
  const signatureValid = signature.length === 64 && verify(null, args.manifestBytes, key, signature);
  if (!signatureValid)
    problems.push({ code: "signature_invalid", message: "the signature does not match manifest.json" });
  let keyTrusted: boolean | null = null;
  if (args.publicKey !== undefined) {
    const trusted = (Array.isArray(args.publicKey) ? args.publicKey : [args.publicKey]).map((k) => keyIdOf(k));
    keyTrusted = trusted.includes(keyId);
    if (!keyTrusted)
      problems.push({ code: "key_untrusted", message: `key ${keyId} is not one of the organization's keys` });
  }
  if (contentDigest(m) !== m.contentSha256)
    problems.push({ code: "content_digest_mismatch", message: "contentSha256 does not match the content" });
  for (const message of countProblems(m)) problems.push({ code: "counts_inconsistent", message });

  const given = args.files ?? new Map<string, Buffer>();
  const byHash = new Map(m.files.map((f) => [f.sha256, f.name]));
  const status = new Map<string, { given: string | null; status: "ok" | "changed" | "not-given" }>(
    m.files.map((f) => [f.name, { given: null, status: "not-given" }]),
  );
  for (const [name, bytes] of given) {
    if (name === bundleFileNames.manifest || name === bundleFileNames.signature) continue;
    const listed = m.files.find((f) => f.name === name);
    const hash = sha256(bytes);
    const as = listed ? name : byHash.get(hash);
    if (!as) {
      problems.push({ code: "file_unknown", message: `${name} is not a file of this bundle`, file: name });
      continue;
    }
    const entry = m.files.find((f) => f.name === as)!;
    const same = entry.sha256 === hash && entry.bytes === bytes.length;
    status.set(as, { given: name, status: same ? "ok" : "changed" });
    if (!same)
      problems.push({ code: "file_changed", message: `${name} differs from the ${as} the manifest lists`, file: name });
    if (as === bundleFileNames.json) checkRows(m, bytes, problems);
  }
  const { byRegion: _withheld, ...counts } = m.counts;
  return {
    ok: problems.length === 0,
    signatureValid,
    keyTrusted,
    // An untrusted key vouches for nothing; a self-consistent manifest (no keys given) is shown as what it says.
    certifies:
      signatureValid && keyTrusted !== false
        ? {
            campaign: m.campaign,
            organization: m.organization,
            target: m.target,
            generatedAt: m.generatedAt,
            counts,
            previousManifestSha256: m.previousManifestSha256,
            contentSha256: m.contentSha256,
            keyId,
          }
        : null,
    files: [...status].map(([name, s]) => ({ name, ...s })),
    problems,
  };
}
