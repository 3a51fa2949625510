// Generators for the API fuzz tests: text of every kind of Unicode, values of the wrong type, raw bodies that
// are not JSON (or JSON with repeated and prototype keys), and garbage route parameters. Routes combine them in
// tables (tests/integration/fuzz-*.test.ts).
import fc from "fast-check";

const cp = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));

/** One "character" of each kind the issue names. Each value is a short string (a grapheme may be several code points). */
export const chars = {
  ascii: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
  letter: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'-"),
  hangul: cp(0xac00, 0xd7a3),
  jamo: fc.oneof(cp(0x1100, 0x11ff), cp(0x3131, 0x318e)),
  emoji: fc.constantFrom("😀", "✊", "🇰🇷", "🇺🇸", "👍🏿", "👋🏻", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "1️⃣", "🧑🏻‍🤝‍🧑🏾", "🫶", "🕊️"),
  rtl: fc.constantFrom("שלום", "مرحبا", "سلام", "ܫܠܡܐ", "ދިވެހި", "עִבְרִית"),
  zeroWidth: fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e"),
  bidi: fc.constantFrom(
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
  ),
  combining: fc.constantFrom(
    "e\u0301",
    "\u0301",
    "n\u0303",
    "\u1100\u1161\u11a8",
    "a\u0308\u0323",
    "Z\u0351\u036b\u0343\u036a\u0302A\u0334\u0335L\u0360G\u0334",
  ),
  invisible: fc.constantFrom("\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\u00ad", "\u034f", "\ufe0f"),
  whitespace: fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u205f"),
  control: fc.oneof(cp(0x01, 0x1f), fc.constantFrom("\u007f", "\u0085", "\u009b", "\u2028", "\u2029")),
  nul: fc.constant("\u0000"),
  loneSurrogate: fc.oneof(cp(0xd800, 0xdbff), cp(0xdc00, 0xdfff)),
  nonCharacter: fc.constantFrom("\ufffe", "\uffff", "\ufdd0", "\u{10ffff}", "\ufffd"),
  anyCodePoint: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  anyGrapheme: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
};

/** Text that may contain anything at all, NUL and lone surrogates included. */
export const hostileText = (maxLength = 40) => fc.string({ unit: fc.oneof(...Object.values(chars)), maxLength });

/** Text a person could really type that the schemas should accept: printable, Korean, emoji, RTL, marks. */
export const printableText = (maxLength = 30) =>
  fc.string({
    unit: fc.oneof(
      chars.letter,
      chars.hangul,
      chars.emoji,
      chars.rtl,
      chars.combining,
      chars.jamo,
      chars.zeroWidth,
      chars.bidi,
      chars.anyGrapheme,
    ),
    minLength: 1,
    maxLength,
  });

/** Korean and emoji (and plain letters): already NFC, so after trimming it must come back byte for byte. */
export const koreanEmojiText = (maxLength = 8) =>
  fc
    .string({
      unit: fc.oneof({ weight: 3, arbitrary: chars.hangul }, { weight: 2, arbitrary: chars.emoji }, chars.letter),
      minLength: 1,
      maxLength,
    })
    .map((s) => `${s.trim()}가`);

/** Strings whose length sits at a limit (in UTF-16 units or in code points), and far beyond it. */
export const sizedText = (limit: number) =>
  fc
    .tuple(
      fc.constantFrom(limit - 1, limit, limit + 1, limit * 2, 70_000),
      fc.constantFrom("a", "가", "😀", " ", "\u0000", "e\u0301"),
    )
    .map(([n, unit]) => unit.repeat(Math.max(0, Math.ceil(n / unit.length))));

/** Empty, blank and invisible-only strings. */
export const blankText = fc.oneof(
  fc.constant(""),
  fc.string({
    unit: fc.oneof(chars.whitespace, chars.zeroWidth, chars.invisible, chars.bidi),
    minLength: 1,
    maxLength: 8,
  }),
);

/** Any string-ish value a hostile caller might put in a text field. */
export const anyText = (limit: number) => fc.oneof(hostileText(), sizedText(limit), blankText, printableText());

/** A value of (probably) the wrong type: every JSON kind, big and odd numbers, nested and prototype-looking objects. */
export const wrongType = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    0.5,
    2 ** 53 + 1,
    [],
    {},
    [""],
    ["a", 1],
    { __proto__: null },
    "",
    "true",
    "1",
    "NaN",
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** What may go in a field: the wrong type, hostile or sized text, or nothing (the key is dropped). */
export const fieldValue = (limit = 100) => fc.oneof(wrongType, anyText(limit), fc.constant(undefined));

/**
 * A valid object with up to three fields replaced (or dropped) and maybe an extra key: every field gets wrong types,
 * hostile text and missing values, one or a few at a time. Nested fields are named by path: "texts.ko.title".
 */
export function mutated<T extends Record<string, unknown>>(
  valid: fc.Arbitrary<T>,
  fields: Record<string, fc.Arbitrary<unknown>>,
) {
  const names = Object.keys(fields);
  const change = fc.constantFrom(...names).chain((name) => fields[name]!.map((value) => [name, value] as const));
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom("extra", "id", "status", "confirmedAt", "organizationId", "role", "__proto__", "constructor"),
      wrongType,
    ),
    { nil: undefined },
  );
  return fc.tuple(valid, fc.array(change, { minLength: 1, maxLength: 3 }), extra).map(([base, changes, more]) => {
    const out = structuredClone(base) as Record<string, unknown>;
    for (const [path, value] of changes) setPath(out, path.split("."), value);
    if (more)
      Object.defineProperty(out, more[0], { value: more[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

function setPath(target: Record<string, unknown>, [key, ...rest]: string[], value: unknown) {
  if (rest.length === 0) {
    if (value === undefined) delete target[key!];
    else target[key!] = value;
    return;
  }
  const next = target[key!];
  if (next && typeof next === "object") setPath(next as Record<string, unknown>, rest, value);
}

/** Raw JSON text with a key given twice (JSON.parse keeps the last) or prototype keys, built by hand. */
export function rawJsonWithTrickyKeys(valid: fc.Arbitrary<Record<string, unknown>>) {
  return fc
    .tuple(valid, fc.nat(), wrongType, fc.constantFrom("repeat", "proto", "constructor"))
    .map(([base, pick, value, kind]) => {
      const entries = Object.entries(base).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
      const keys = Object.keys(base);
      const key = keys[pick % keys.length]!;
      if (kind === "repeat") return `{${entries.join(",")},${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}`;
      if (kind === "proto")
        return `{"__proto__":{"${key}":${JSON.stringify(value ?? null)},"isAdmin":true},${entries.join(",")}}`;
      return `{"constructor":{"prototype":{"${key}":${JSON.stringify(value ?? null)},"polluted":true}},${entries.join(",")}}`;
    });
}

const notJsonTexts = fc.constantFrom(
  "",
  " ",
  "{",
  "}",
  "[",
  "]",
  "nul",
  "undefined",
  "NaN",
  "{'a':1}",
  '{"a":}',
  '{"a":1,}',
  "\ufeff{}",
  "{}\u0000",
  "[1,2",
  '"just a string"',
  "123",
  "true",
  "null",
  "[]",
  "\u0000",
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  "a=1&b=2",
  "<xml/>",
);

/** A body as bytes or text: not JSON, truncated JSON, invalid UTF-8, repeated or prototype keys, or far too big. */
export function rawBody(valid: fc.Arbitrary<Record<string, unknown>>, limit: number) {
  return fc.oneof(
    notJsonTexts,
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.tuple(valid, fc.nat()).map(([v, cut]) => {
      const text = JSON.stringify(v);
      return text.slice(0, cut % text.length);
    }),
    rawJsonWithTrickyKeys(valid),
    fc.tuple(valid, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([v, junk]) => {
      // Invalid UTF-8 inside a string value: lone continuation bytes, overlong forms, a cut multi-byte sequence.
      const text = JSON.stringify({ ...v, name: "@@" });
      const [head, tail] = text.split("@@") as [string, string];
      const enc = new TextEncoder();
      return Buffer.concat([
        enc.encode(head),
        Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xea, 0xb0]),
        junk,
        enc.encode(tail),
      ]);
    }),
    fc.tuple(valid, fc.constantFrom(limit + 1, limit * 4)).map(([v, size]) => {
      const text = JSON.stringify({ ...v, padding: "" });
      return text.replace('"padding":""', `"padding":"${"가".repeat(Math.ceil(size / 3))}"`);
    }),
  );
}

export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json;charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
  "application/json-patch+json",
  "application/jsonx",
  "text/json",
  "application/ld+json",
);

/** Route parameters (slugs and ids) that match nothing: random, hostile, too long, path-like, or well-formed strangers. */
export const garbageParam = fc.oneof(
  hostileText(20),
  fc.uuid(),
  fc.constantFrom(
    "",
    ".",
    "..",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "null",
    "undefined",
    "a".repeat(10_000),
    "00000000-0000-0000-0000-000000000000",
    "🇰🇷",
    "캠페인",
    "ＵＵＩＤ",
  ),
  fc.stringMatching(/^[a-z0-9-]{1,100}$/),
);

export const acceptLanguage = fc.constantFrom("en", "ko", "ko-KR,ko;q=0.9", "en-US", "fr", "*", "", "xx;q=garbage");
