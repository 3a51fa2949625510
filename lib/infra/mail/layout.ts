// Plain-text and HTML bodies from the same paragraphs; everything interpolated into HTML is escaped here. Every web
// address becomes a link in the HTML part and stays whole on its line in the text part; a name a stranger wrote is
// isolated (isolate(): U+2068…U+2069 in text, <bdi> in HTML) so a right-to-left override cannot reorder the words.

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

// An address is made of URL characters (ASCII: Korean text may follow it with no space); a full stop, comma or
// closing bracket at its end belongs to the sentence.
const webAddress = /https?:\/\/[\w\-.~:/?#@!$&*+,;=%()[\]]*[\w\-~/#@$&*+=%]/g;

/** Escaped text, with each web address in it as a link (its own text, so the reader sees where it goes). */
export function linkifyHtml(value: string): string {
  let html = "";
  let last = 0;
  for (const match of value.matchAll(webAddress)) {
    const url = escapeHtml(match[0]);
    html += `${escapeWithIsolates(value.slice(last, match.index))}<a href="${url}">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeWithIsolates(value.slice(last));
}

/** A note with `href` is a plain link: its text, then the address on a line of its own in the plain-text part. */
export type Block = { text: string } | { link: string; label: string } | { note: string; href?: string };

export function renderBodies(lang: string, blocks: Block[]): { text: string; html: string } {
  const text = blocks
    .map((b) =>
      "link" in b ? `${b.label}:\n${b.link}` : "note" in b ? (b.href ? `${b.note}\n${b.href}` : b.note) : b.text,
    )
    .join("\n\n");
  const html = blocks
    .map((b) => {
      if ("link" in b) {
        return `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeWithIsolates(b.label)}</a></p>`;
      }
      if ("note" in b && b.href)
        return `<p style="color:#4b5563;font-size:13px"><a href="${escapeHtml(b.href)}" style="color:#1d4ed8">${escapeHtml(b.note)}</a></p>`;
      if ("note" in b) return `<p style="color:#4b5563;font-size:13px">${linkifyHtml(b.note)}</p>`;
      return `<p>${linkifyHtml(b.text).replaceAll("\n", "<br>")}</p>`;
    })
    .join("\n");
  return {
    text: `${text}\n`,
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Noto Sans KR',sans-serif;font-size:16px;line-height:1.6;color:#111827;max-width:560px;margin:0 auto;padding:16px">\n${html}\n</body></html>\n`,
  };
}
