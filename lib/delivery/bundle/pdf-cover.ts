// The cover: what the pack is, to whom, from whom, when, the counts, and how to check it — the content digest,
// the previous manifest's hash, the key id, and one fixed-format line that the standalone verifier reads back.
import { fill } from "./labels";
import { colours, contentWidth, fitted, margin, paragraph, type Doc } from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";

/** The line the verifier parses (tests/support/verify-bundle): the counts and digest in one language-independent form. */
export function machineLine(content: PdfContent): string {
  const c = content.counts;
  return (
    `OLB/1 signatures=${c.signatures} letters=${c.letters} own-words=${c.personalisedLetters} ` +
    `near-copies=${c.nearCopyLetters} removals=${c.removals} content=${content.contentSha256}`
  );
}

function labelled(doc: Doc, label: string, value: string, size = 11): void {
  doc
    .font("regular")
    .fontSize(8.5)
    .fillColor(colours.muted)
    .text(label, { width: contentWidth(doc) });
  doc
    .font("bold")
    .fontSize(size)
    .fillColor(colours.text)
    .text(value, { width: contentWidth(doc), lineGap: 1.5 });
  doc.moveDown(0.55);
}

function figures(doc: Doc, items: { value: string; label: string; detail?: string }[]): void {
  const top = doc.y;
  const width = contentWidth(doc) / items.length;
  let bottom = top;
  items.forEach((item, i) => {
    const x = margin + i * width;
    doc
      .font("bold")
      .fontSize(26)
      .fillColor(colours.accent)
      .text(item.value, x, top, { width: width - 10, lineBreak: false });
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(colours.text)
      .text(item.label, x, top + 32, { width: width - 10 });
    if (item.detail)
      doc
        .fontSize(8)
        .fillColor(colours.muted)
        .text(item.detail, x, doc.y + 1, { width: width - 10 });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = margin;
  doc.y = bottom + 16;
}

export function renderCover(doc: Doc, content: PdfContent): void {
  const { labels: t, formats: f, counts } = content;
  doc.addPage();
  doc.outline.addItem(content.title);
  doc
    .font("regular")
    .fontSize(9)
    .fillColor(colours.muted)
    .text(t.kicker.toLocaleUpperCase(content.language), { characterSpacing: 0.6 });
  doc.moveDown(0.8);
  doc
    .font("bold")
    .fontSize(24)
    .fillColor(colours.text)
    .text(content.title, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(1);
  labelled(doc, t.to, [content.target.name, content.target.office].filter(Boolean).join(", "));
  labelled(doc, t.from, content.organization.name);
  labelled(doc, t.generated, f.dateTime(content.generatedAt));
  doc.moveDown(0.6);
  figures(doc, [
    { value: f.number(counts.signatures), label: t.signatures },
    {
      value: f.number(counts.letters),
      label: t.letters,
      detail: fill(t.lettersDetail, {
        ownWords: f.number(counts.personalisedLetters),
        nearCopies: f.number(counts.nearCopyLetters),
      }),
    },
    { value: f.number(Object.keys(counts.byCountry).length), label: t.countries },
  ]);
  if (counts.removals > 0) labelled(doc, t.removals, f.number(counts.removals));

  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + contentWidth(doc), doc.y)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke();
  doc.moveDown(0.8);
  doc.font("bold").fontSize(11).fillColor(colours.accent).text(t.integrity);
  doc.moveDown(0.4);
  labelled(doc, t.contentDigest, content.contentSha256, 8.5);
  labelled(doc, t.previous, content.previousManifestSha256 ?? t.previousNone, 8.5);
  labelled(doc, t.keyId, content.keyId, 8.5);
  paragraph(doc, t.verify, { size: 9, colour: colours.muted, gap: 2 });
  // On a line of its own: wrapped inside a sentence, an address breaks at a "/" and reads as two words.
  doc.font("bold").fontSize(10).fillColor(colours.accent);
  doc.text(fitted(doc, content.verifyUrl, contentWidth(doc)), { width: contentWidth(doc), lineBreak: false });
  doc.moveDown(0.8);
  doc
    .font("regular")
    .fontSize(6.5)
    .fillColor(colours.muted)
    .text(machineLine(content), { width: contentWidth(doc) });
}
