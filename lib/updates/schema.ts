// The update composer's form, shared by the form and the handlers: a subject and a text in each language.
import { z } from "@/lib/infra/validation/zod";

const subject = z.string().trim().min(1, "required").max(200, "too_long");
const body = z.string().trim().min(1, "required").max(20_000, "too_long");

export const updateSchema = z.object({
  subjectEn: subject,
  bodyEn: body,
  subjectKo: subject,
  bodyKo: body,
});

export type UpdateInput = z.infer<typeof updateSchema>;

export const previewSchema = updateSchema.extend({ locale: z.enum(["en", "ko"]) });
