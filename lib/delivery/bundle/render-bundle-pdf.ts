// The bundle's PDF, in the target's language, at A4 or US Letter: cover, open letter (each language), counts by
// country and region, signers as each chose to appear, letters in full, removals; "n / N" and the content digest
// on every page. Its bytes go to `write` as pdfkit produces them.
import { bundleLabels, fill, type BundleLabels } from "./labels";
import { addFooters, openPdf } from "./pdf-page";
import { renderCover } from "./pdf-cover";
import { renderOpenLetter } from "./pdf-open-letter";
import { renderCounts } from "./pdf-counts";
import { renderSigners } from "./pdf-signers";
import { renderLetters } from "./pdf-letters";
import { renderRemovals } from "./pdf-removals";
import type { Formats } from "./formats-for";
import type { BundleCounts, BundleInput, IncludedLetter, IncludedSigner, Language, Manifest, PageSize } from "./types";

export type PdfContent = {
  language: Language;
  labels: BundleLabels;
  formats: Formats;
  title: string;
  organization: BundleInput["organization"];
  campaign: BundleInput["campaign"];
  target: { name: string; office: string };
  generatedAt: Date;
  counts: BundleCounts;
  removals: Manifest["removals"];
  contentSha256: string;
  previousManifestSha256: string | null;
  keyId: string;
  verifyUrl: string;
  /** Called once per PDF: the included signers in order, read again from the work file. */
  signers: () => AsyncIterable<IncludedSigner>;
  letters: IncludedLetter[];
};

export async function renderBundlePdf(
  content: PdfContent,
  size: PageSize,
  write: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const t = bundleLabels[content.language];
  const doc = openPdf({
    size,
    language: content.language === "ko" ? "ko-KR" : "en-US",
    title: content.title,
    author: content.organization.name,
    subject: `${t.kicker} — ${content.target.name}`,
    at: content.generatedAt,
  });
  // Chunks are written one after another in the order pdfkit emits them (most of them at doc.end()).
  let written = Promise.resolve();
  doc.on("data", (chunk: Buffer) => {
    written = written.then(() => write(chunk));
    written.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  renderCover(doc, content);
  renderOpenLetter(doc, content);
  renderCounts(doc, content);
  await renderSigners(doc, content);
  renderLetters(doc, content);
  renderRemovals(doc, content);
  addFooters(doc, content.title, fill(t.digestShort, { digest: content.contentSha256.slice(0, 16) }), (n, count) =>
    fill(t.page, { n: content.formats.number(n), count: content.formats.number(count) }),
  );
  doc.end();
  await ended;
  await written;
}
