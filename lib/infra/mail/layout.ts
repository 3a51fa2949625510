// Plain-text and HTML bodies from the same paragraphs. Everything interpolated into HTML is escaped here.

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
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
        return `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(b.label)}</a></p>`;
      }
      if ("note" in b && b.href)
        return `<p style="color:#4b5563;font-size:13px"><a href="${escapeHtml(b.href)}" style="color:#1d4ed8">${escapeHtml(b.note)}</a></p>`;
      if ("note" in b) return `<p style="color:#4b5563;font-size:13px">${escapeHtml(b.note)}</p>`;
      return `<p>${escapeHtml(b.text).replaceAll("\n", "<br>")}</p>`;
    })
    .join("\n");
  return {
    text: `${text}\n`,
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Noto Sans KR',sans-serif;font-size:16px;line-height:1.6;color:#111827;max-width:560px;margin:0 auto;padding:16px">\n${html}\n</body></html>\n`,
  };
}
