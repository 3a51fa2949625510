// The signers who chose to be shown, in the order they signed, in two columns of one line each: a name and place,
// or initials and country. Read back from the bundle's work file, so 100,000 signers are never all in memory.
import { fill } from "./labels";
import { bottomOf, colours, contentWidth, fitted, margin, paragraph, startSection, type Doc } from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";
import type { IncludedSigner } from "./types";
import type { Formats } from "./formats-for";

const columns = 2;
const gutter = 16;
const lineHeight = 10.5;
const size = 8;

export function signerLine(signer: IncludedSigner, f: Formats): string | null {
  if (signer.appearance === "counted") return null;
  if (signer.appearance === "initials") return `${signer.name} — ${f.country(signer.country)}`;
  const region = signer.region && f.region(signer.country, signer.region);
  return `${signer.name} — ${f.place([signer.city, region, f.country(signer.country)])}`;
}

export async function renderSigners(doc: Doc, content: PdfContent): Promise<void> {
  const { labels: t, formats: f, counts } = content;
  const { full, initials, counted } = counts.signaturesByAppearance;
  startSection(doc, t.signersTitle);
  paragraph(
    doc,
    fill(t.signersNote, {
      shown: f.number(full + initials),
      total: f.number(counts.signatures),
      full: f.number(full),
      initials: f.number(initials),
      counted: f.number(counted),
    }),
    { size: 9, colour: colours.muted },
  );
  doc.moveDown(0.5);
  const width = (contentWidth(doc) - gutter * (columns - 1)) / columns;
  let top = doc.y;
  let column = 0;
  let y = top;
  doc.font("regular").fontSize(size).fillColor(colours.text);
  for await (const signer of content.signers()) {
    const line = signerLine(signer, f);
    if (line === null) continue;
    if (y + lineHeight > bottomOf(doc)) {
      column++;
      if (column === columns) {
        doc.addPage();
        doc.font("regular").fontSize(size).fillColor(colours.text);
        top = doc.page.margins.top;
        column = 0;
      }
      y = top;
    }
    doc.text(fitted(doc, line, width), margin + column * (width + gutter), y, { lineBreak: false });
    y += lineHeight;
  }
  doc.x = margin;
}
