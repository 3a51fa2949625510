// The address rules shared by the signature and letter schemas: a region from the list where the country has one
// (required where the target needs it), and a postal code in the country's format. `addressIssues` has no zod in
// it, so the sign form can check the same rules in the browser.
import type { z } from "zod";
import { hasRegionList, isRegionOf, regionRules } from "./regions";

type Address = { country: string; region?: string; postalCode?: string };
export type AddressIssue = {
  field: "region" | "postalCode";
  code: "required" | "invalid_region" | "invalid_postal_code";
};

/** Problems with an address whose fields are already normalised (country upper-cased, blanks as undefined). */
export function addressIssues(a: Address): AddressIssue[] {
  const issues: AddressIssue[] = [];
  const rule = regionRules[a.country];
  if (hasRegionList(a.country)) {
    if (a.region === undefined) {
      if (rule?.required) issues.push({ field: "region", code: "required" });
    } else if (!isRegionOf(a.country, a.region)) {
      issues.push({ field: "region", code: "invalid_region" });
    }
  }
  if (rule && a.postalCode !== undefined && !rule.postalCode.test(a.postalCode)) {
    issues.push({ field: "postalCode", code: "invalid_postal_code" });
  }
  if (rule?.postalRequired && a.postalCode === undefined) {
    issues.push({ field: "postalCode", code: "required" });
  }
  return issues;
}

export function checkAddress(a: Address, ctx: z.RefinementCtx): void {
  for (const { field, code } of addressIssues(a)) ctx.addIssue({ code: "custom", path: [field], message: code });
}
