// One serialization for everything a bundle hashes: RFC 8785 (JCS) for the values we use, plus NFC on every string
// and key. The standalone verifier (tests/support/verify-bundle) keeps its own copy; a test holds the two together.

// NFC leaves ASCII as it is; skipping the ICU call for it makes hashing 100,000 rows several times faster.
const ascii = /^[\x00-\x7f]*$/;
const nfc = (text: string) => (ascii.test(text) ? text : text.normalize("NFC"));

/**
 * Keys sorted by UTF-16 code units, JSON.stringify's string escapes, no whitespace; NFC so that "한" typed as jamo
 * and as one syllable hash alike. Dates become ISO 8601 strings; undefined object members are left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(nfc(value));
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // Only integers: bundles hold counts, never measurements, and JCS's float formatting is not worth carrying.
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonicalJson: not a safe integer: ${value}`);
      return String(value);
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialize a ${typeof value}`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += value[i] === undefined ? "null" : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys: [string, string][] = [];
  for (const key of Object.keys(record)) if (record[key] !== undefined) keys.push([nfc(key), key]);
  keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const [normalized, key] = keys[i]!;
    if (i > 0) {
      if (normalized === keys[i - 1]![0])
        throw new TypeError(`canonicalJson: two keys normalize to ${JSON.stringify(normalized)}`);
      out += ",";
    }
    out += `${JSON.stringify(normalized)}:${canonicalJson(record[key])}`;
  }
  return `${out}}`;
}
