// The campaign's letters as one printable HTML document: a self-contained file (its own print stylesheet, nothing
// loaded), each letter on its own page with its subject, its text as written and the writer's signature as the
// target sees it, so a printed stack can be handed over without showing more than the writers chose.
import type { ExportedLetter } from "./campaign-letters";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escape(p.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");

const style = `
  body { font: 12pt/1.5 Georgia, "Noto Serif KR", "Apple SD Gothic Neo", serif; max-width: 42em; margin: 2em auto; color: #000; }
  header { margin-bottom: 2em; }
  article { margin: 0 0 3em; }
  article h2 { font-size: 14pt; margin: 0 0 1em; }
  .signature { margin-top: 1.5em; font-style: italic; white-space: pre-line; }
  .meta { color: #555; font-size: 9pt; }
  @media print {
    body { margin: 0; max-width: none; }
    article { break-before: page; margin: 0; }
    .meta { display: none; }
    @page { margin: 2cm; }
  }`;

export type PrintTexts = { title: string; count: string; empty: string };

export function lettersPrintDocument(letters: ExportedLetter[], locale: string, texts: PrintTexts): string {
  const articles = letters.map(
    (l) => `<article lang="${escape(l.language)}">
<h2>${escape(l.subject)}</h2>
${paragraphs(l.body)}
${l.shownToTarget ? `<p class="signature">${escape(l.shownToTarget)}</p>` : ""}
<p class="meta">${escape(l.status)}${l.topics ? ` · ${escape(l.topics)}` : ""}</p>
</article>`,
  );
  return `<!doctype html>
<html lang="${escape(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(texts.title)}</title>
<style>${style}
</style>
</head>
<body>
<header><h1>${escape(texts.title)}</h1><p class="meta">${escape(texts.count)}</p></header>
${articles.length ? articles.join("\n") : `<p>${escape(texts.empty)}</p>`}
</body>
</html>
`;
}
