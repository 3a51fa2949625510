// The update composer's form, shared by the form and the handlers: a subject and a text in each language. Issue
// messages are stable codes (messages: fieldErrors) beside the field they name.
import { z } from "@/lib/infra/validation/zod";
import { line, paragraphs } from "@/lib/infra/validation/text";

export const updateSchema = z.object({
  subjectEn: line(200),
  bodyEn: paragraphs(20_000),
  subjectKo: line(200),
  bodyKo: paragraphs(20_000),
});

export type UpdateInput = z.infer<typeof updateSchema>;

export const previewSchema = updateSchema.extend({ locale: z.enum(["en", "ko"]) });
