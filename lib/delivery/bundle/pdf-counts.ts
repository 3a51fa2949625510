// Signatures by country (named in the target's language, most signatures first) and, under each, by region:
// the twelve largest regions, the rest summed, and those who gave none.
import { fill } from "./labels";
import { bottomOf, colours, contentWidth, fitted, margin, startSection, type Doc } from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";

const regionsShown = 12;
const rowHeight = 14;

function row(
  doc: Doc,
  label: string,
  value: string,
  options: { bold?: boolean; indent?: number; muted?: boolean } = {},
): void {
  if (doc.y + rowHeight > bottomOf(doc)) doc.addPage();
  const y = doc.y;
  const width = contentWidth(doc);
  const indent = options.indent ?? 0;
  doc.font(options.bold ? "bold" : "regular").fontSize(options.indent ? 9 : 10);
  doc.fillColor(options.muted ? colours.muted : colours.text);
  doc.text(fitted(doc, label, width - indent - 90), margin + indent, y, { lineBreak: false });
  doc.text(value, margin, y, { width, align: "right", lineBreak: false });
  doc.x = margin;
  doc.y = y + rowHeight;
}

export function renderCounts(doc: Doc, content: PdfContent): void {
  const { labels: t, formats: f, counts } = content;
  startSection(doc, t.countsTitle);
  row(doc, t.total, f.number(counts.signatures), { bold: true });
  doc
    .moveTo(margin, doc.y - 3)
    .lineTo(margin + contentWidth(doc), doc.y - 3)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke();
  doc.y += 4;
  const countries = Object.entries(counts.byCountry).sort(
    ([a, x], [b, y]) => y - x || f.country(a).localeCompare(f.country(b), content.language),
  );
  for (const [code, total] of countries) {
    if (doc.y + rowHeight * 2 > bottomOf(doc)) doc.addPage();
    row(doc, `${f.country(code)} (${code})`, f.number(total), { bold: true });
    const regions = Object.entries(counts.byRegion[code] ?? {}).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    for (const [region, n] of regions.slice(0, regionsShown))
      row(doc, f.region(code, region), f.number(n), { indent: 14 });
    const rest = regions.slice(regionsShown);
    if (rest.length > 0) {
      const sum = rest.reduce((s, [, n]) => s + n, 0);
      row(doc, fill(t.otherRegions, { count: f.number(rest.length) }), f.number(sum), { indent: 14, muted: true });
    }
    const given = regions.reduce((s, [, n]) => s + n, 0);
    if (regions.length > 0 && given < total)
      row(doc, t.regionNotGiven, f.number(total - given), { indent: 14, muted: true });
    doc.y += 3;
  }
}
