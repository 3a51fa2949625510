// The key that decides "the same person": case-insensitive, and for Gmail addresses without dots and "+tags",
// which Gmail ignores, so that one inbox cannot sign twice.
const gmail = new Set(["gmail.com", "googlemail.com"]);

export function emailKey(email: string): string {
  const address = email.trim().normalize("NFC").toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 1) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (gmail.has(domain)) {
    local = local.split("+")[0]!.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
