// The one fontkit call the bundle makes (fontkit ships no types): does the embedded font draw a character?
declare module "fontkit" {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
  export function create(data: Buffer): Font;
}
