// The frame sizes the count widget (/embed/[locale]/[slug]) is made for, as the organizer's page and the README
// publish them: below `full` it switches to its compact layout (app/globals.css), which still fits `compact`.
export const embedSizes = {
  compact: { width: 320, height: 220 },
  full: { width: 480, height: 300 },
} as const;

/** The HTML an organizer pastes into their own site. */
export function embedSnippet(appUrl: string, locale: string, slug: string, title: string): string {
  const { width, height } = embedSizes.compact;
  const src = new URL(`/embed/${locale}/${encodeURIComponent(slug)}`, appUrl).toString();
  return `<iframe src="${src}" title="${title}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`;
}
