// Every letter in full: a header (its number, language, whether it is in the writer's own words, its topics, the
// writer as they chose to appear), the subject and text exactly as written, then any translation beside it.
import { fill } from "./labels";
import {
  bottomOf,
  colours,
  contentWidth,
  ensureSpace,
  margin,
  missingGlyphs,
  paragraph,
  startSection,
  type Doc,
} from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";
import type { IncludedLetter } from "./types";

function writerLine(letter: IncludedLetter, content: PdfContent): string {
  const { labels: t, formats: f } = content;
  const w = letter.writer;
  if (w.appearance === "counted") return t.writerCounted;
  const place =
    w.appearance === "full"
      ? [w.city, w.region && f.region(w.country, w.region), f.country(w.country)]
      : [f.country(w.country)];
  return `${t.writer}: ${w.name} — ${f.place(place)}`;
}

function body(doc: Doc, text: string): void {
  for (const part of text.split(/\n\s*\n/)) paragraph(doc, part.replace(/\s+$/gm, ""), { size: 10, gap: 6 });
}

export function renderLetters(doc: Doc, content: PdfContent): void {
  const { labels: t, formats: f, counts, letters } = content;
  if (letters.length === 0) return;
  startSection(doc, t.lettersTitle);
  paragraph(
    doc,
    fill(t.lettersNote, {
      count: f.number(counts.letters),
      ownWords: f.number(counts.personalisedLetters),
      nearCopies: f.number(counts.nearCopyLetters),
    }),
    { size: 9, colour: colours.muted },
  );
  doc.moveDown(0.6);
  const topics = new Map(
    content.campaign.topics.map((topic) => [topic.key, topic.title[content.language] ?? topic.key]),
  );
  const position = new Map(content.campaign.topics.map((topic, i) => [topic.key, i]));
  letters.forEach((letter, i) => {
    ensureSpace(doc, 110);
    const width = contentWidth(doc);
    doc
      .font("bold")
      .fontSize(9)
      .fillColor(colours.accent)
      .text(fill(t.letterOf, { n: f.number(i + 1), count: f.number(letters.length) }), { width });
    const meta = [
      `${fill(t.writtenIn, { language: f.language(letter.language) })} (${t.asWritten})`,
      letter.individuality === "own-words" ? t.ownWordsOne : t.nearCopyOne,
    ];
    doc.font("regular").fontSize(8.5).fillColor(colours.muted).text(meta.join(" · "), { width });
    if (letter.topics.length > 0) {
      const names = [...letter.topics]
        .sort((a, b) => (position.get(a) ?? 1e9) - (position.get(b) ?? 1e9))
        .map((k) => topics.get(k) ?? k);
      doc.text(`${t.topics}: ${names.join(", ")}`, { width });
    }
    doc.text(writerLine(letter, content), { width });
    const missing = missingGlyphs(
      [letter.subject, letter.body, letter.translation?.subject, letter.translation?.body].join(""),
    );
    if (missing > 0) doc.text(fill(t.missingGlyphs, { count: f.number(missing) }), { width });
    doc.moveDown(0.4);
    doc.font("bold").fontSize(11).fillColor(colours.text).text(letter.subject, { width });
    doc.moveDown(0.25);
    body(doc, letter.body);
    if (letter.translation) {
      doc.moveDown(0.3);
      ensureSpace(doc, 40);
      doc
        .font("bold")
        .fontSize(8.5)
        .fillColor(colours.muted)
        .text(fill(t.translation, { language: f.language(letter.translation.language) }), { width });
      doc.font("bold").fontSize(10).fillColor(colours.text).text(letter.translation.subject, { width });
      body(doc, letter.translation.body);
    }
    doc.moveDown(0.4);
    // The rule between letters; at the foot of a page the page break separates them instead.
    if (doc.y + 20 > bottomOf(doc)) return;
    doc
      .moveTo(margin, doc.y)
      .lineTo(margin + width, doc.y)
      .lineWidth(0.4)
      .strokeColor(colours.rule)
      .stroke();
    doc.moveDown(0.9);
  });
}
