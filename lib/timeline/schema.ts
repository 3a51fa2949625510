// The timeline editor's forms, shared by the forms and the handlers: an entry (what, which day, a text in each
// language) and the campaign's deadline.
import { z } from "@/lib/infra/validation/zod";
import { paragraphs } from "@/lib/infra/validation/text";

export const eventKinds = ["delivered", "response", "meeting", "other"] as const;
export type EventKind = (typeof eventKinds)[number];

const day = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalid_date" })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      error: "invalid_date",
    },
  )
  .refine((v) => v >= "1900-01-01" && v <= "9999-12-31", { error: "invalid_date" });

export const eventSchema = z.object({
  kind: z.enum(eventKinds, { error: "invalid" }),
  happenedOn: day,
  textEn: paragraphs(2000),
  textKo: paragraphs(2000),
});

export type EventInput = z.infer<typeof eventSchema>;

/** A moment in UTC ("2018-06-12T09:00", as a datetime-local field gives it), or empty for no deadline. */
export const deadlineSchema = z.object({
  deadline: z
    .string({ error: "invalid_date" })
    .trim()
    .refine(
      (v) => v === "" || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(`${v}Z`))),
      {
        error: "invalid_date",
      },
    )
    .transform((v) => (v === "" ? null : new Date(`${v}Z`))),
});
