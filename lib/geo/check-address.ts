// The address rules shared by the signature and letter schemas: a region from the list where the country has one
// (required where the target needs it), and a postal code in the country's format.
import type { z } from "zod";
import { hasRegionList, isRegionOf, regionRules } from "./regions";

type Address = { country: string; region?: string; postalCode?: string };

export function checkAddress(a: Address, ctx: z.RefinementCtx): void {
  const rule = regionRules[a.country];
  if (hasRegionList(a.country)) {
    if (a.region === undefined) {
      if (rule?.required) ctx.addIssue({ code: "custom", path: ["region"], message: "required" });
    } else if (!isRegionOf(a.country, a.region)) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "invalid_region" });
    }
  }
  if (rule && a.postalCode !== undefined && !rule.postalCode.test(a.postalCode)) {
    ctx.addIssue({ code: "custom", path: ["postalCode"], message: "invalid_postal_code" });
  }
  if (rule?.postalRequired && a.postalCode === undefined) {
    ctx.addIssue({ code: "custom", path: ["postalCode"], message: "required" });
  }
}
