// Which signatures an organizer strikes out, as chosen on the Signals page: one network, one email domain (and its
// subdomains), the suspected ones of one reason, and/or a time window. Everything given must hold. Shared by the
// page's buttons and the API; imports only zod.
import { z } from "@/lib/infra/validation/zod";

const optionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.date({ error: "invalid_date" }).optional(),
);

export const invalidationCriteria = z
  .object({
    /** A network_hash as the Signals API lists it. */
    network: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9+/=_-]{8,200}$/, { error: "invalid" })
      .optional(),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253, { error: "too_long" })
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, { error: "invalid" })
      .optional(),
    /** A spam_reason: only `suspected` signatures with it. */
    reason: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, { error: "invalid" })
      .optional(),
    /** Signed at or after / before these moments (created_at). */
    from: optionalDate,
    to: optionalDate,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.network && !c.domain && !c.reason && !(c.from && c.to))
      ctx.addIssue({ code: "custom", path: ["network"], message: "required" });
    if (c.from && c.to && c.to <= c.from) ctx.addIssue({ code: "custom", path: ["to"], message: "invalid" });
  });

export type InvalidationCriteria = z.output<typeof invalidationCriteria>;

export const invalidationRequest = z.object({ criteria: invalidationCriteria }).strict();

export const nearCopiesRequest = z
  .object({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/, { error: "invalid" }) })
  .strict();
