// The open letter, in the target's language first and then in each other language the campaign wrote it in; each
// version under its own language's headings.
import { bundleLabels, fill } from "./labels";
import { colours, paragraph, startSection, type Doc } from "./pdf-page";
import type { PdfContent } from "./render-bundle-pdf";
import { bundleLanguages, type Language } from "./types";
import { formatsFor } from "./formats-for";

export function renderOpenLetter(doc: Doc, content: PdfContent): void {
  const order = [content.language, ...bundleLanguages.filter((l) => l !== content.language)];
  for (const language of order) {
    const text = content.campaign.openLetterText[language]?.trim();
    if (!text) continue;
    renderVersion(doc, content, language, text);
  }
}

function renderVersion(doc: Doc, content: PdfContent, language: Language, text: string): void {
  const t = bundleLabels[language];
  const f = language === content.language ? content.formats : formatsFor(language);
  startSection(doc, `${t.openLetter} (${f.language(language)})`);
  const title = content.campaign.title[language] ?? content.title;
  doc.font("bold").fontSize(14).fillColor(colours.text).text(title);
  doc.moveDown(0.4);
  const to = content.campaign.targetName[language];
  if (to) paragraph(doc, `${t.to}: ${to}`, { colour: colours.muted, size: 10 });
  doc.moveDown(0.3);
  for (const part of text.split(/\n\s*\n/)) paragraph(doc, part.trim(), { size: 11, gap: 8 });
  doc.moveDown(0.5);
  paragraph(doc, fill(t.openLetterSigned, { count: f.number(content.counts.signatures) }), {
    colour: colours.muted,
    size: 10,
  });
}
