// One serialization for everything a bundle hashes: the same value always gives the same bytes, whoever writes it.
// It is RFC 8785 (JCS) for the values we use (keys sorted by UTF-16 code units, JSON.stringify's string escapes,
// no whitespace) plus Unicode NFC on every string and key, so "한" typed as jamo and as a syllable hash alike.
// Dates become ISO 8601 strings; undefined object members are left out. The standalone verifier
// (tools/verify-bundle) has its own copy of these few lines; the proof test holds the two together.

export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.normalize("NFC"));
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
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const members = new Map<string, unknown>();
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (member === undefined) continue;
    const normalized = key.normalize("NFC");
    if (members.has(normalized))
      throw new TypeError(`canonicalJson: two keys normalize to ${JSON.stringify(normalized)}`);
    members.set(normalized, member);
  }
  const keys = [...members.keys()].sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(members.get(key))}`).join(",")}}`;
}
