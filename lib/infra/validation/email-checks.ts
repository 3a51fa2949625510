// Why an address is refused, when the reason is one people can act on. Mail here is sent without SMTPUTF8, so the
// part before @ must be ASCII: "홍길동@example.com" gets its own code (`email_local_ascii`) and a message saying so,
// instead of the generic "enter an address like name@example.com". Shared by the schemas and the sign form's check.

/** True when the part before the last @ has a character outside ASCII (Hangul, accented letters, emoji...). */
export function hasNonAsciiLocalPart(value: string): boolean {
  const at = value.lastIndexOf("@");
  return at > 0 && /[^\u0000-\u007f]/.test(value.slice(0, at));
}
