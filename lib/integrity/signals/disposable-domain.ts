// Whether an address or domain belongs to a known disposable-mail service (the list bundled beside this file):
// the domain itself or any subdomain of a listed one ("x.mailinator.com" is mailinator.com). No network look-up.
import list from "./disposable-domains.json";

export const disposableDomains: readonly string[] = list.domains;
const listed = new Set(disposableDomains);

/** The listed domain that `emailOrDomain` falls under, or null. Case and a trailing dot do not matter. */
export function disposableDomainOf(emailOrDomain: string): string | null {
  const at = emailOrDomain.lastIndexOf("@");
  const domain = (at >= 0 ? emailOrDomain.slice(at + 1) : emailOrDomain).trim().toLowerCase().replace(/\.$/, "");
  if (!domain) return null;
  // Walk up from the full domain to its parents, stopping before the top-level label alone.
  for (let i = 0; i !== -1; i = domain.indexOf(".", i + 1)) {
    const candidate = i === 0 ? domain : domain.slice(i + 1);
    if (!candidate.includes(".")) break;
    if (listed.has(candidate)) return candidate;
  }
  return null;
}
