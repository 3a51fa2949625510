// The `?source=` code on a campaign link ("share-kakao", "newsletter-june"): kept with a signature or letter so that
// organizers see where supporters came from. Only a short lowercase slug is kept; anything else is dropped quietly,
// never refused: a mangled link must not stop anyone from signing.

export const sourceCodePattern = /^[a-z0-9](?:[a-z0-9_-]{0,38}[a-z0-9])?$/;

/** The code as stored, or undefined when `value` is not one. */
export function sourceCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const code = value.trim().toLowerCase();
  return sourceCodePattern.test(code) ? code : undefined;
}
