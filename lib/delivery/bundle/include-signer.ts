// What a bundle shows of a signer, by their own choice: `full` → name, city, region, country; `initials` →
// initials and country; `counted` → nothing but the fact of the signature (its id, so that a later removal can
// name it). Nothing else of the row (email, postal code, status, times) is ever included.
import { cleanLine } from "./clean-text";
import { initialsOf } from "./initials-of";
import type { Appearance, IncludedSigner, IncludedWriter, SignerRow } from "./types";

const appearances: ReadonlySet<string> = new Set<Appearance>(["full", "initials", "counted"]);

export function countryCodeOf(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw new Error(`bundle: not an ISO 3166-1 alpha-2 country code: ${JSON.stringify(value)}`);
  return code;
}

/** The person as they chose to appear; a name that is blank (or was only an email address) leaves them counted. */
export function includePerson(person: {
  appearance: Appearance;
  name: string;
  city?: string | null;
  region?: string | null;
  country: string;
}): IncludedWriter {
  if (!appearances.has(person.appearance))
    throw new Error(`bundle: unknown appearance ${JSON.stringify(person.appearance)}`);
  const country = countryCodeOf(person.country);
  const name = cleanLine(person.name);
  if (person.appearance === "full" && name) {
    const city = cleanLine(person.city);
    const region = cleanLine(person.region);
    return { appearance: "full", name, ...(city && { city }), ...(region && { region }), country };
  }
  if (person.appearance !== "counted") {
    const initials = initialsOf(name);
    if (initials) return { appearance: "initials", name: initials, country };
  }
  return { appearance: "counted" };
}

export function includeSigner(row: SignerRow): IncludedSigner {
  if (!row.id) throw new Error("bundle: a signer without an id");
  countryCodeOf(row.country);
  return { kind: "signature", id: row.id, ...includePerson(row) } as IncludedSigner;
}
