// Removals since the previous bundle, summed by kind and reason: never silent, and without ids on paper (they are
// in the manifest, which is what a checker compares).
import { colours, contentWidth, margin, paragraph, startSection, type Doc } from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";

export function renderRemovals(doc: Doc, content: PdfContent): void {
  const { labels: t, formats: f, removals } = content;
  if (removals.length === 0) return;
  startSection(doc, t.removalsTitle);
  paragraph(doc, t.removalsNote, { size: 9, colour: colours.muted });
  doc.moveDown(0.4);
  const sums = new Map<string, number>();
  for (const r of removals) sums.set(`${r.kind}\u0000${r.reason}`, (sums.get(`${r.kind}\u0000${r.reason}`) ?? 0) + 1);
  const width = contentWidth(doc);
  for (const [key, n] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    const [kind, reason] = key.split("\u0000") as [string, string];
    const y = doc.y;
    doc.font("regular").fontSize(10).fillColor(colours.text);
    doc.text(`${t.kinds[kind] ?? kind}: ${t.reasons[reason] ?? reason} (${reason})`, margin, y, { lineBreak: false });
    doc.text(f.number(n), margin, y, { width, align: "right", lineBreak: false });
    doc.x = margin;
    doc.y = y + 15;
  }
}
