// What a bundle shows of a signer, by their own choice: `full` → name, city, region, country; `initials` →
// initials and country; `counted` → nothing but the fact of the signature (its id, so that a later removal can
// name it). Nothing else of the row (email, postal code, status, times) is ever included.
import { appearAs, type Person } from "../appear-as";
import type { IncludedSigner, IncludedWriter, SignerRow } from "./types";

export function countryCodeOf(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw new Error(`bundle: not an ISO 3166-1 alpha-2 country code: ${JSON.stringify(value)}`);
  return code;
}

/** The person as they chose to appear (lib/delivery/appear-as.ts), with a country the bundle can print. */
export function includePerson(person: Person): IncludedWriter {
  countryCodeOf(person.country);
  return appearAs(person);
}

export function includeSigner(row: SignerRow): IncludedSigner {
  if (!row.id) throw new Error("bundle: a signer without an id");
  countryCodeOf(row.country);
  return { kind: "signature", id: row.id, ...includePerson(row) } as IncludedSigner;
}
