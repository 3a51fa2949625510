#!/usr/bin/env node
// A small verifier of Open Letters delivery bundles that shares no code with the app (Node's crypto and unpdf only).
// Usage: node tests/support/verify-bundle/verify-bundle.mjs <bundle directory> [--key-id <16 hex>]
import { createHash, createPublicKey, verify } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** RFC 8785 for integers, strings, booleans, null, arrays and objects, with NFC strings and keys. */
export function canonicalJson(value) {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value).map(([k, v]) => [k.normalize("NFC"), v]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Records of an RFC 4180 file (quoted cells may hold commas, quotes and line breaks). */
export function csvRecords(text) {
  const records = [];
  let record = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (record.push(cell), (cell = ""));
    else if (c === "\r" && text[i + 1] === "\n")
      (record.push(cell), records.push(record), (record = []), (cell = ""), i++);
    else cell += c;
  }
  if (cell !== "" || record.length > 0) (record.push(cell), records.push(record));
  return records;
}

const emailAddress = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/i;

async function pdfPages(bytes) {
  const { extractText, getDocumentProxy } = await import("unpdf");
  // Verbosity 0: a damaged file is reported once as a problem, not as pages of pdf.js warnings.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

const coverLine = new RegExp(
  "OLB/1 signatures=(\\d+) letters=(\\d+) own-words=(\\d+) near-copies=(\\d+) removals=(\\d+) content=([0-9a-f]{64})",
);

function checkPdf(name, pages, manifest, problems) {
  const c = manifest.counts;
  const line = coverLine.exec(pages[0] ?? "");
  if (!line) return problems.push(`${name}: no counts line on the cover`);
  const printed = {
    signatures: +line[1],
    letters: +line[2],
    personalisedLetters: +line[3],
    nearCopyLetters: +line[4],
    removals: +line[5],
  };
  for (const [key, value] of Object.entries(printed)) {
    if (c[key] !== value) problems.push(`${name}: the cover prints ${key} ${value}, the manifest says ${c[key]}`);
  }
  if (line[6] !== manifest.contentSha256) problems.push(`${name}: the cover prints another content digest`);
  const total = new Intl.NumberFormat(manifest.target.language).format(c.signatures);
  if (!pages[0].includes(total)) problems.push(`${name}: the cover does not show the signature count ${total}`);
  pages.forEach((text, i) => {
    const numbers = [...text.matchAll(/(\d[\d,]*) \/ (\d[\d,]*)/g)].map((m) => [
      +m[1].replace(/,/g, ""),
      +m[2].replace(/,/g, ""),
    ]);
    if (!numbers.some(([n, count]) => n === i + 1 && count === pages.length))
      problems.push(`${name}: page ${i + 1} is not numbered ${i + 1} / ${pages.length}`);
    if (!text.includes(manifest.contentSha256.slice(0, 16)))
      problems.push(`${name}: page ${i + 1} does not carry the content digest`);
    if (emailAddress.test(text)) problems.push(`${name}: page ${i + 1} shows an email address`);
  });
}

function checkJson(bytes, manifest, problems) {
  let data;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch {
    return problems.push("bundle.json is not JSON");
  }
  const expected = new Map(manifest.rows.map((r) => [`${r.kind}:${r.id}`, r.sha256]));
  const shown = { full: 0, initials: 0, counted: 0 };
  for (const row of [...(data.signers ?? []), ...(data.letters ?? [])]) {
    const id = `${row.kind}:${row.id}`;
    if (!expected.has(id)) problems.push(`bundle.json: ${id} is not in the manifest`);
    else if (sha256(canonicalJson(row)) !== expected.get(id))
      problems.push(`bundle.json: ${id} does not match its hash`);
    expected.delete(id);
    if (row.kind === "signature") shown[row.appearance]++;
  }
  for (const id of expected.keys()) problems.push(`bundle.json: ${id} is missing`);
  const counted = manifest.counts.signaturesByAppearance;
  for (const [appearance, n] of Object.entries(shown)) {
    if (counted[appearance] !== n)
      problems.push(`bundle.json holds ${n} ${appearance} signers, the counts say ${counted[appearance]}`);
  }
}

// What it checks: the Ed25519 signature of manifest.json, each file's SHA-256 and size, every row of bundle.json
// against its hash, the counts against the rows and the CSVs, and that the PDFs print the manifest's counts and
// content digest on the cover and number every page. The format: lib/delivery/bundle/FORMAT.md.

/**
 * Verifies the bundle in `files` (file name → bytes). `trustedKeyIds`: the organization's published key ids; when
 * given, a manifest signed by any other key fails.
 */
export async function verifyBundleFiles(files, { trustedKeyIds } = {}) {
  const problems = [];
  const manifestBytes = files.get("manifest.json");
  const signature = files.get("manifest.sig");
  if (!manifestBytes || !signature) return { ok: false, problems: ["manifest.json and manifest.sig are needed"] };
  let manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8"));
  } catch {
    return { ok: false, problems: ["manifest.json is not JSON"] };
  }
  const raw = Buffer.from(manifest.publicKey, "base64");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  const keyId = sha256(raw).slice(0, 16);
  if (keyId !== manifest.keyId) problems.push(`the manifest's keyId is not its key's (${keyId})`);
  if (trustedKeyIds && !trustedKeyIds.includes(keyId)) problems.push(`key ${keyId} is not a trusted key`);
  if (!verify(null, manifestBytes, key, Buffer.from(signature.toString("utf8").trim(), "base64")))
    problems.push("the signature does not match manifest.json");

  const { version, campaign, organization, target, generatedAt, counts, rows, removals, previousManifestSha256 } =
    manifest;
  const content = {
    version,
    campaign,
    organization,
    target,
    generatedAt,
    counts,
    rows,
    removals,
    previousManifestSha256,
  };
  if (sha256(canonicalJson(content)) !== manifest.contentSha256)
    problems.push("contentSha256 does not match the manifest's content");

  const changed = new Set();
  for (const file of manifest.files) {
    const bytes = files.get(file.name);
    if (!bytes) problems.push(`${file.name} is missing`);
    else if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256) {
      problems.push(`${file.name} has changed`);
      changed.add(file.name);
    }
  }
  for (const name of files.keys()) {
    if (name !== "manifest.json" && name !== "manifest.sig" && !manifest.files.some((f) => f.name === name))
      problems.push(`${name} is not in the manifest`);
  }

  const signatureRows = rows.filter((r) => r.kind === "signature");
  const sum = (o) => Object.values(o).reduce((s, n) => s + n, 0);
  if (counts.signatures !== signatureRows.length)
    problems.push(`counts.signatures ${counts.signatures} ≠ ${signatureRows.length} rows`);
  if (counts.letters !== rows.length - signatureRows.length) problems.push("counts.letters does not match the rows");
  if (sum(counts.byCountry) !== counts.signatures) problems.push("counts.byCountry does not add up");
  if (counts.personalisedLetters + counts.nearCopyLetters !== counts.letters)
    problems.push("letter counts do not add up");
  if (counts.removals !== removals.length) problems.push("counts.removals does not match the removals");

  const json = files.get("bundle.json");
  if (json) checkJson(json, manifest, problems);
  for (const [name, expected] of [
    ["signers.csv", counts.signaturesByAppearance.full + counts.signaturesByAppearance.initials],
    ["letters.csv", counts.letters],
  ]) {
    const bytes = files.get(name);
    if (!bytes) continue;
    const text = bytes.toString("utf8");
    if (!text.startsWith("\ufeff")) problems.push(`${name} has no UTF-8 byte-order mark`);
    const records = csvRecords(text.replace(/^\ufeff/, ""));
    if (records.length - 1 !== expected)
      problems.push(`${name} has ${records.length - 1} rows, the counts say ${expected}`);
    if (name === "signers.csv" && emailAddress.test(text)) problems.push("signers.csv shows an email address");
  }
  for (const name of manifest.files.map((f) => f.name).filter((n) => n.endsWith(".pdf"))) {
    const bytes = files.get(name);
    // A PDF that is not the one signed has failed already; reading its text would say nothing more.
    if (!bytes || changed.has(name)) continue;
    let pages;
    try {
      pages = await pdfPages(bytes);
    } catch {
      problems.push(`${name} cannot be read as a PDF`);
      continue;
    }
    checkPdf(name, pages, manifest, problems);
  }
  return {
    ok: problems.length === 0,
    problems,
    certifies: {
      campaign,
      organization: organization.name,
      generatedAt,
      counts: { ...counts, byRegion: undefined },
      previousManifestSha256,
      keyId,
    },
  };
}

export async function readBundleDirectory(dir) {
  const names = (await readdir(dir)).filter((n) => !n.startsWith("."));
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))])));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, flag, keyId] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: verify-bundle.mjs <bundle directory> [--key-id <16 hex>]");
    process.exit(2);
  }
  const result = await verifyBundleFiles(
    await readBundleDirectory(dir),
    flag === "--key-id" ? { trustedKeyIds: [keyId] } : {},
  );
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.ok ? 0 : 1);
}
