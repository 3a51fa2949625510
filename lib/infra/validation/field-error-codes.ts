// How every form and API answer reports a failed zod schema: the first issue per field, as a stable code.
import type { z } from "zod";

/** The first issue per field, as codes: what a form shows beside each field. */
export function fieldErrorCodes(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    // zod reports a wrong type with its own message; map anything that is not one of ours to a generic code.
    out[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return out;
}
