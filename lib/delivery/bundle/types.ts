// The delivery bundle's input (what the caller reads from the database) and its output shapes (the included rows,
// the manifest). FORMAT.md beside this file describes the files and how they are checked.

export type Language = "en" | "ko";
export const bundleLanguages: readonly Language[] = ["en", "ko"];

/** A text in the languages it was written in; not every campaign has every language. */
export type Localized = Partial<Record<Language, string>>;

/**
 * How a signer (or a letter's writer) chose to appear to the target: `full` name, city/region and country;
 * `initials` and country; `counted` without a name (a letter's writer: no name and no place).
 */
export type { Appearance } from "@/lib/campaigns/appearance";
import type { Appearance } from "@/lib/campaigns/appearance";

/**
 * One signature as read from the database. These raw fields are what `sourceRowHash` keys, so a later change to the
 * stored row is found by reading it again; `status` and `emailKey` never reach a file.
 */
export type SignerRow = {
  id: string;
  status?: string;
  appearance: Appearance;
  name: string;
  city?: string | null;
  /** As stored: a code for US states and Korean provinces, free text elsewhere (see BundleOptions.regionName). */
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  confirmedAt: Date | string;
  emailKey?: string | null;
};

/** A writer's own letter as read from the database. */
export type LetterRow = {
  id: string;
  status?: string;
  /** The language it was written in (BCP 47, e.g. "ko"); the text below is exactly as written. */
  language: string;
  subject: string;
  body: string;
  /** A translation for the target, if the app ever makes one; the original above is always printed too. */
  translation?: { language: string; subject: string; body: string } | null;
  writer: { appearance: Appearance; name: string; city?: string | null; region?: string | null; country: string };
  /** Topic keys (CampaignTopic.key). */
  topics: string[];
  /** Largely in the writer's own words (lib/letters/personalisation: level "high" or "some"). */
  personalised: boolean;
  confirmedAt: Date | string;
  emailKey?: string | null;
};

export type RowKind = "signature" | "letter";

/** A row that was in an earlier bundle and is not in this one: withdrawn, struck out, rejected, erased. */
export type Removal = { kind: RowKind; id: string; reasonCode: string };

export type BundleInput = {
  organization: { id: string; name: string };
  campaign: {
    id: string;
    slug: string;
    title: Localized;
    openLetterText: Localized;
    /** Who the open letter is addressed to, as the campaign's texts say it ("The President of the United States"). */
    targetName: Localized;
    topics: { key: string; title: Localized }[];
  };
  /** The target's email is never written to a bundle; it may be passed along with the rest of the row. */
  target: { name: string; office: string; email?: string; language: Language };
  generatedAt: Date;
  /** The SHA-256 (hex) of the previous bundle's manifest.json, or null for a campaign's first bundle. */
  previousManifestHash: string | null;
  signers: Iterable<SignerRow> | AsyncIterable<SignerRow>;
  letters: Iterable<LetterRow> | AsyncIterable<LetterRow>;
  removals: Removal[];
};

export type PageSize = "A4" | "LETTER";

/** Names of the files a bundle may hold, as listed in its manifest. */
export const bundleFileNames = {
  pdf: { A4: "bundle.pdf", LETTER: "bundle-us-letter.pdf" } as Record<PageSize, string>,
  signersCsv: "signers.csv",
  lettersCsv: "letters.csv",
  json: "bundle.json",
  manifest: "manifest.json",
  signature: "manifest.sig",
} as const;

// ── The included forms: what a bundle shows of each row, and what its row hash covers ──────────────────────────

export type IncludedSigner =
  | { kind: "signature"; id: string; appearance: "full"; name: string; city?: string; region?: string; country: string }
  | { kind: "signature"; id: string; appearance: "initials"; name: string; country: string }
  | { kind: "signature"; id: string; appearance: "counted" };

export type IncludedWriter =
  | { appearance: "full"; name: string; city?: string; region?: string; country: string }
  | { appearance: "initials"; name: string; country: string }
  | { appearance: "counted" };

/** `own-words`: personalised and no other letter of the bundle has the same text; otherwise `near-copy`. */
export type Individuality = "own-words" | "near-copy";

export type IncludedLetter = {
  kind: "letter";
  id: string;
  language: string;
  subject: string;
  body: string;
  translation?: { language: string; subject: string; body: string };
  writer: IncludedWriter;
  topics: string[];
  individuality: Individuality;
};

export type BundleCounts = {
  signatures: number;
  signaturesByAppearance: Record<Appearance, number>;
  /** Signatures per country (ISO code), and per region as stored within each country (no key: region not given). */
  byCountry: Record<string, number>;
  byRegion: Record<string, Record<string, number>>;
  letters: number;
  personalisedLetters: number;
  nearCopyLetters: number;
  removals: number;
};

export type ManifestRow = { kind: RowKind; id: string; sha256: string; source: string };

export type Manifest = {
  version: typeof manifestVersion;
  campaign: { id: string; slug: string; title: string };
  organization: { id: string; name: string };
  target: { name: string; office: string; language: Language };
  generatedAt: string;
  counts: BundleCounts;
  /** SHA-256 of the content (everything but files and key), printed on the PDF's cover: see contentDigest. */
  contentSha256: string;
  files: { name: string; sha256: string; bytes: number }[];
  rows: ManifestRow[];
  removals: { kind: RowKind; id: string; reason: string }[];
  previousManifestSha256: string | null;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  keyId: string;
};

export const manifestVersion = "open-letters-bundle/1";
