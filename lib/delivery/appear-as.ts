// The one place a stored "how I appear to the target" is applied: the digest's CSV and text, letters delivered one by
// one and the signed bundle all show a person through appearAs, so no path to the target can show more.
import type { Appearance } from "@/lib/campaigns/appearance";
import { cleanLine } from "./bundle/clean-text";
import { initialsOf } from "./initials-of";

export type Person = {
  appearance: Appearance;
  name: string;
  city?: string | null;
  region?: string | null;
  country: string;
};

/** What the target sees of a person; `country` is the stored code, trimmed and upper-cased. */
export type Shown =
  | { appearance: "full"; name: string; city?: string; region?: string; country: string }
  | { appearance: "initials"; name: string; country: string }
  | { appearance: "counted" };

const known: ReadonlySet<string> = new Set<Appearance>(["full", "initials", "counted"]);

/**
 * `full` → name, city, region, country; `initials` → initials ("J. D.", "김○○": see ./initials-of.ts) and country;
 * `counted` → nothing. A name that is blank once cleaned (or was only an email address) leaves the person counted;
 * an unknown choice throws rather than guess.
 */
export function appearAs(person: Person): Shown {
  if (!known.has(person.appearance)) throw new Error(`unknown appearance ${JSON.stringify(person.appearance)}`);
  const country = person.country.trim().toUpperCase();
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
