import { z } from "@/lib/infra/validation/zod";

/** An editor looks one person up by the exact address they signed or wrote with. */
export const signerLookupInput = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(254, { error: "too_long" })
    .pipe(z.email({ error: "invalid_email" })),
});
