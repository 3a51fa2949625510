// Finds the web addresses in an organizer's campaign text, so that pages can show its sources as links. Only
// http and https addresses become links (never javascript:, data: or the like); punctuation that ends a sentence
// after an address stays text.

export type TextPart = { text: string } | { href: string; text: string };

const address = /https?:\/\/[^\s<>"'“”‘’]+/gi;
const trailing = /[.,;:!?)\]}。、]+$/;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(address)) {
    let found = match[0];
    const tail = trailing.exec(found)?.[0] ?? "";
    found = found.slice(0, found.length - tail.length);
    const href = webAddress(found);
    if (!href) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ href, text: found });
    last = match.index + found.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function webAddress(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
