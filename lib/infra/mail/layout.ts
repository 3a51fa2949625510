// Plain-text and HTML bodies from the same paragraphs. Everything interpolated into HTML is escaped here. A name
// written by a stranger is wrapped with isolate(): U+2068…U+2069 in the text part, <bdi> in the HTML, so a
// right-to-left override inside it cannot reorder the words around it.

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const FSI = "\u2068";
const PDI = "\u2069";

/** Text another person typed (a name), isolated from the words around it; isolates inside it are removed. */
export function isolate(value: string): string {
  return `${FSI}${value.replace(/[\u2066-\u2069]/g, "")}${PDI}`;
}

/** Escapes text for HTML and turns each isolated span into a <bdi> element. */
function escapeWithIsolates(value: string): string {
  return escapeHtml(value).replace(/\u2068([^\u2068\u2069]*)\u2069/g, "<bdi>$1</bdi>");
}

export type Block = { text: string } | { link: string; label: string } | { note: string };

export function renderBodies(lang: string, blocks: Block[]): { text: string; html: string } {
  const text = blocks.map((b) => ("link" in b ? `${b.label}:\n${b.link}` : "note" in b ? b.note : b.text)).join("\n\n");
  const html = blocks
    .map((b) => {
      if ("link" in b) {
        return `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeWithIsolates(b.label)}</a></p>`;
      }
      if ("note" in b) return `<p style="color:#4b5563;font-size:13px">${escapeWithIsolates(b.note)}</p>`;
      return `<p>${escapeWithIsolates(b.text).replaceAll("\n", "<br>")}</p>`;
    })
    .join("\n");
  return {
    text: `${text}\n`,
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Noto Sans KR',sans-serif;font-size:16px;line-height:1.6;color:#111827;max-width:560px;margin:0 auto;padding:16px">\n${html}\n</body></html>\n`,
  };
}
