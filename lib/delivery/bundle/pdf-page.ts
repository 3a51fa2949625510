// The PDF's page furniture shared by its sections: a pdfkit document with the Hangul-capable font embedded as a
// subset, sizes and colours, headings, and "n / N" footers written once every page exists.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create as openFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import type { PageSize } from "./types";

// Pretendard (SIL Open Font License 1.1, npm "pretendard"): Latin and Hangul in one family. Its TrueType build is
// used because fontkit subsets glyf outlines more simply than CFF. It has no Han (Hanja) characters.
const fontFiles = {
  regular: "dist/public/static/alternative/Pretendard-Regular.ttf",
  bold: "dist/public/static/alternative/Pretendard-Bold.ttf",
};
const fonts = new Map<string, Buffer>();

function fontData(which: keyof typeof fontFiles): Buffer {
  let data = fonts.get(which);
  if (!data) fonts.set(which, (data = readFileSync(join(/* turbopackIgnore: true */ fontFolder(), fontFiles[which]))));
  return data;
}

/**
 * The font package's folder, read at run time: a bundler must not load a font as a module (and a Next build cannot
 * resolve a package at run time). The app runs from the project's root, where node_modules is; tools may not.
 */
function fontFolder(): string {
  const atRoot = join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "pretendard");
  if (existsSync(join(atRoot, "package.json"))) return atRoot;
  return dirname(createRequire(import.meta.url).resolve("pretendard/package.json"));
}

let coverage: Font | null = null;

/**
 * How many characters of `text` the font cannot draw (Hanja, Arabic, emoji, …). They print as empty boxes, so a
 * letter says so: letters.csv and bundle.json hold its exact text.
 */
export function missingGlyphs(text: string): number {
  coverage ??= openFont(fontData("regular"));
  let missing = 0;
  for (const c of text) if (!/\s/.test(c) && !coverage.hasGlyphForCodePoint(c.codePointAt(0)!)) missing++;
  return missing;
}

export const colours = { text: "#161616", muted: "#5a5a5a", rule: "#b4b4b4", accent: "#1f3a5f" } as const;
export const margin = 54;
export const footerGap = 30;

export type Doc = PDFKit.PDFDocument;

/**
 * Deterministic for a given input, as the files are hashed: pdfkit derives the file ID from the info dictionary,
 * whose dates come from the bundle's generatedAt, and font subset tags from the fonts' order of use.
 */
export function openPdf(options: {
  size: PageSize;
  language: string;
  title: string;
  author: string;
  subject: string;
  at: Date;
}): Doc {
  const doc = new PDFDocument({
    size: options.size,
    margin,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: "1.7",
    lang: options.language,
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      CreationDate: options.at,
      ModDate: options.at,
    },
  });
  doc.registerFont("regular", fontData("regular"));
  doc.registerFont("bold", fontData("bold"));
  return doc;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/** A section's first page, with its heading and a bookmark in the PDF's outline. */
export function startSection(doc: Doc, title: string): void {
  doc.addPage();
  doc.outline.addItem(title);
  doc
    .font("bold")
    .fontSize(18)
    .fillColor(colours.accent)
    .text(title, { width: contentWidth(doc) });
  doc.moveDown(0.6);
  doc.fillColor(colours.text);
}

export function subheading(doc: Doc, text: string, size = 12): void {
  ensureSpace(doc, size * 4);
  doc
    .font("bold")
    .fontSize(size)
    .fillColor(colours.text)
    .text(text, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(
  doc: Doc,
  text: string,
  options: { size?: number; colour?: string; gap?: number } = {},
): void {
  doc
    .font("regular")
    .fontSize(options.size ?? 10.5)
    .fillColor(options.colour ?? colours.text)
    .text(text, { width: contentWidth(doc), lineGap: 2.5, paragraphGap: options.gap ?? 6 });
}

/** `text` cut with "…" to fit `width` at the current font and size. */
export function fitted(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${chars.slice(0, mid).join("")}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join("").trimEnd()}…`;
}

/** Writes "n / N" and a running line on every page; the pages must all exist (bufferPages). */
export function addFooters(
  doc: Doc,
  left: string,
  right: string,
  pageLabel: (n: number, count: number) => string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while writing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - footerGap;
    const width = contentWidth(doc);
    doc.font("regular").fontSize(7.5).fillColor(colours.muted);
    doc.text(fitted(doc, left, width * 0.4), margin, y, { lineBreak: false });
    doc.text(pageLabel(i + 1, count), margin, y, { width, align: "center", lineBreak: false });
    doc.text(right, margin, y, { width, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
