// Makes a campaign's signed delivery bundle in a directory: bundle.pdf (A4), bundle-us-letter.pdf, signers.csv,
// letters.csv, bundle.json, manifest.json and manifest.sig. FORMAT.md describes the files.
import { createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { canonicalJson } from "./canonical-json";
import { classifyLetters } from "./classify-letters";
import { contentDigest, type ManifestContent } from "./content-digest";
import { csvLine, utf8Bom } from "./csv-line";
import { letterRecord, signerRecord } from "./csv-records";
import { openFileWriter, type FileWriter } from "./file-writer";
import { formatsFor, type RegionName } from "./formats-for";
import { includeLetter } from "./include-letter";
import { includeSigner } from "./include-signer";
import { keyIdOf, rawPublicKey } from "./key-id";
import { bundleLabels } from "./labels";
import { renderBundlePdf, type PdfContent } from "./render-bundle-pdf";
import { signManifest } from "./sign-manifest";
import { sourceRowHash } from "./source-row-hash";
import { tallySigners } from "./tally-signers";
import {
  bundleFileNames,
  manifestVersion,
  type BundleInput,
  type IncludedLetter,
  type IncludedSigner,
  type LetterRow,
  type Manifest,
  type ManifestRow,
  type PageSize,
} from "./types";

export type BundleOptions = {
  /** The HMAC key of the source row hashes: deriveSourceKey(appSecret). */
  sourceKey: Buffer;
  /** Where the files go; by default a new temporary directory, which the caller then owns (and removes). */
  outDir?: string;
  pageSizes?: PageSize[];
  /** Printed on the cover: where the verification page is. */
  verifyUrl?: string;
  /** Names a stored region in the target's language (lib/geo/regions' regionName); free text is shown as typed. */
  regionName?: RegionName;
  /** The previous bundle's manifest.json bytes: any of its rows missing now and not in `removals` is listed as
   * removed with reason "unexplained", so nothing leaves the count silently. */
  previousManifest?: Buffer;
};

export type BuiltBundle = {
  dir: string;
  /** File name → path, manifest.json and manifest.sig included. */
  files: Map<string, string>;
  manifest: Manifest;
  manifestBytes: Buffer;
  manifestSha256: string;
  /** manifest.sig's content: the Ed25519 signature of manifestBytes, base64. */
  signature: string;
};

const hex64 = /^[0-9a-f]{64}$/;
const reasonCode = /^[a-z][a-z0-9_]{0,39}$/;

function pick<T>(texts: Partial<Record<string, T>>, language: string): T | undefined {
  return texts[language] ?? Object.values(texts).find((v) => v !== undefined);
}

async function* readLines(path: string): AsyncIterable<string> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

async function* readIncluded(path: string): AsyncIterable<IncludedSigner> {
  for await (const line of readLines(path)) yield JSON.parse(line) as IncludedSigner;
}

function previousOf(
  input: BundleInput,
  options: BundleOptions,
): { sha256: string | null; rows: Map<string, ManifestRow> } {
  const given = input.previousManifestHash?.toLowerCase() ?? null;
  if (given !== null && !hex64.test(given)) throw new Error("bundle: previousManifestHash is not a SHA-256 in hex");
  if (!options.previousManifest) return { sha256: given, rows: new Map() };
  const sha256 = createHash("sha256").update(options.previousManifest).digest("hex");
  if (given !== null && given !== sha256)
    throw new Error("bundle: previousManifest does not match previousManifestHash");
  const previous = JSON.parse(options.previousManifest.toString("utf8")) as Manifest;
  if (previous.campaign?.id !== input.campaign.id)
    throw new Error("bundle: the previous manifest is another campaign's");
  return { sha256, rows: new Map(previous.rows.map((row) => [`${row.kind}:${row.id}`, row])) };
}

/**
 * Signers pass through once, as they are read: each is included as they chose to appear, hashed, counted and
 * written to the CSV and to a work file that bundle.json and the PDFs read back, so 100,000 signers never sit in
 * memory (only their manifest rows do). Letters, fewer and needed together to find near copies, are held in memory.
 */
export async function buildBundle(
  input: BundleInput,
  signingKey: KeyObject | string,
  options: BundleOptions,
): Promise<BuiltBundle> {
  const privateKey = typeof signingKey === "string" ? createPrivateKey(signingKey) : signingKey;
  const ownDir = !options.outDir;
  const dir = options.outDir ?? (await mkdtemp(join(tmpdir(), "open-letters-bundle-")));
  await mkdir(dir, { recursive: true });
  const workFile = join(dir, ".signers.ndjson");
  const writers: { path: string; writer: FileWriter }[] = [];
  const open = (path: string) => {
    const writer = openFileWriter(path);
    writers.push({ path, writer });
    return writer;
  };
  try {
    return await build(input, privateKey, options, dir, workFile, open);
  } catch (err) {
    // A half-written bundle is no bundle, and its CSV already holds names: nothing of it is left behind.
    for (const { writer } of writers) writer.abort();
    if (ownDir) await rm(dir, { recursive: true, force: true });
    else for (const { path } of writers) await rm(path, { force: true });
    throw err;
  } finally {
    await rm(workFile, { force: true });
  }
}

async function build(
  input: BundleInput,
  privateKey: KeyObject,
  options: BundleOptions,
  dir: string,
  workFile: string,
  openFileWriter: (path: string) => FileWriter,
): Promise<BuiltBundle> {
  const language = input.target.language;
  const t = bundleLabels[language];
  const f = formatsFor(language, options.regionName);
  const previous = previousOf(input, options);
  const removed = new Map<string, { kind: Manifest["removals"][number]["kind"]; id: string; reason: string }>();
  for (const r of input.removals) {
    if (r.kind !== "signature" && r.kind !== "letter") throw new Error(`bundle: unknown removal kind ${r.kind}`);
    if (!reasonCode.test(r.reasonCode))
      throw new Error(`bundle: invalid removal reason code ${JSON.stringify(r.reasonCode)}`);
    removed.set(`${r.kind}:${r.id}`, { kind: r.kind, id: r.id, reason: r.reasonCode });
  }
  const rows: ManifestRow[] = [];
  const seen = new Set<string>();
  /** Records the row; returns its canonical JSON, the exact text bundle.json holds and the row hash covers. */
  function addRow(
    kind: ManifestRow["kind"],
    id: string,
    included: IncludedSigner | IncludedLetter,
    source: string,
  ): string {
    const key = `${kind}:${id}`;
    if (seen.has(key)) throw new Error(`bundle: ${kind} ${id} appears twice`);
    if (removed.has(key)) throw new Error(`bundle: ${kind} ${id} is both included and removed`);
    seen.add(key);
    const json = canonicalJson(included);
    rows.push({ kind, id, sha256: createHash("sha256").update(json, "utf8").digest("hex"), source });
    return json;
  }

  // Signers: one pass, as they are read.
  const tally = tallySigners();
  const work = openFileWriter(workFile);
  const signersCsv = openFileWriter(join(dir, bundleFileNames.signersCsv));
  await signersCsv.write(utf8Bom + csvLine(t.csv.signers));
  for await (const row of input.signers) {
    const included = includeSigner(row);
    const json = addRow("signature", row.id, included, sourceRowHash("signature", row, options.sourceKey));
    tally.add(row, included);
    await work.write(`${json}\n`);
    const record = signerRecord(included, f, t);
    if (record) await signersCsv.write(csvLine(record));
  }
  await work.close();
  const files: Manifest["files"] = [{ name: bundleFileNames.signersCsv, ...(await signersCsv.close()) }];

  // Letters: together, to find near copies.
  const letterRows: LetterRow[] = [];
  for await (const row of input.letters) letterRows.push(row);
  const classified = classifyLetters(letterRows.map((l) => ({ id: l.id, body: l.body, personalised: l.personalised })));
  const topicTitles = new Map(
    input.campaign.topics.map((topic) => [topic.key, pick(topic.title, language) ?? topic.key]),
  );
  const letters: IncludedLetter[] = [];
  const letterJson: string[] = [];
  const lettersCsv = openFileWriter(join(dir, bundleFileNames.lettersCsv));
  await lettersCsv.write(utf8Bom + csvLine(t.csv.letters));
  for (const row of letterRows) {
    const included = includeLetter(row, classified.individuality.get(row.id)!);
    letterJson.push(addRow("letter", row.id, included, sourceRowHash("letter", row, options.sourceKey)));
    letters.push(included);
    await lettersCsv.write(csvLine(letterRecord(included, f, t, (key) => topicTitles.get(key) ?? key)));
  }
  files.push({ name: bundleFileNames.lettersCsv, ...(await lettersCsv.close()) });

  // Whatever the previous bundle held and this one does not is a removal, with the caller's reason or none.
  for (const [key, row] of previous.rows) {
    if (!seen.has(key) && !removed.has(key)) removed.set(key, { kind: row.kind, id: row.id, reason: "unexplained" });
  }
  const removals = [...removed.values()].sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1));

  const title = pick(input.campaign.title, language) ?? input.campaign.slug;
  const content: ManifestContent = {
    version: manifestVersion,
    campaign: { id: input.campaign.id, slug: input.campaign.slug, title },
    organization: { id: input.organization.id, name: input.organization.name },
    target: { name: input.target.name, office: input.target.office, language },
    generatedAt: input.generatedAt.toISOString(),
    counts: {
      ...tally.counts(),
      letters: letters.length,
      personalisedLetters: classified.personalised,
      nearCopyLetters: classified.nearCopies,
      removals: removals.length,
    },
    rows,
    removals,
    previousManifestSha256: previous.sha256,
  };
  const contentSha256 = contentDigest(content);
  const keyId = keyIdOf(privateKey);

  // bundle.json: the same data as the CSVs and the PDF, with each row in exactly the form its hash covers.
  const json = openFileWriter(join(dir, bundleFileNames.json));
  const head = {
    version: manifestVersion,
    // Named fields only: a campaign row passed in whole must not bring its target email or sender along.
    campaign: (({ id, slug, title, openLetterText, targetName, topics }) => ({
      id,
      slug,
      title,
      openLetterText,
      targetName,
      topics,
    }))(input.campaign),
    organization: content.organization,
    target: content.target,
    generatedAt: content.generatedAt,
    counts: content.counts,
    removals,
    previousManifestSha256: previous.sha256,
    contentSha256,
  };
  await json.write(`${JSON.stringify(head).slice(0, -1)},\n"signers":[`);
  let first = true;
  for await (const line of readLines(workFile)) {
    await json.write(`${first ? "\n" : ",\n"}${line}`);
    first = false;
  }
  await json.write(`\n],\n"letters":[`);
  for (let i = 0; i < letterJson.length; i++) await json.write(`${i === 0 ? "\n" : ",\n"}${letterJson[i]}`);
  await json.write("\n]}\n");
  files.push({ name: bundleFileNames.json, ...(await json.close()) });

  const pdf: PdfContent = {
    language,
    labels: t,
    formats: f,
    title,
    organization: input.organization,
    campaign: input.campaign,
    target: content.target,
    generatedAt: input.generatedAt,
    counts: content.counts,
    removals,
    contentSha256,
    previousManifestSha256: previous.sha256,
    keyId,
    verifyUrl: options.verifyUrl ?? "/verify",
    signers: () => readIncluded(workFile),
    letters,
  };
  for (const size of options.pageSizes ?? (["A4", "LETTER"] as const)) {
    const name = bundleFileNames.pdf[size];
    const out = openFileWriter(join(dir, name));
    await renderBundlePdf(pdf, size, (chunk) => out.write(chunk));
    files.push({ name, ...(await out.close()) });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : 1));

  const manifest: Manifest = {
    ...content,
    contentSha256,
    files,
    publicKey: rawPublicKey(privateKey).toString("base64"),
    keyId,
  };
  const manifestBytes = Buffer.from(`${canonicalJson(manifest)}\n`, "utf8");
  const signature = signManifest(manifestBytes, privateKey);
  await writeFile(join(dir, bundleFileNames.manifest), manifestBytes);
  await writeFile(join(dir, bundleFileNames.signature), `${signature}\n`);
  const paths = new Map(
    [...files.map((file) => file.name), bundleFileNames.manifest, bundleFileNames.signature].map((name) => [
      name,
      join(dir, name),
    ]),
  );
  return {
    dir,
    files: paths,
    manifest,
    manifestBytes,
    manifestSha256: createHash("sha256").update(manifestBytes).digest("hex"),
    signature,
  };
}
