import { z } from "@/lib/infra/validation/zod";
import { line } from "@/lib/infra/validation/text";

export const invitationInput = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(254, { error: "too_long" })
    .pipe(z.email({ error: "invalid_email" })),
  role: z.enum(["owner", "editor", "viewer"], { error: "invalid" }).default("editor"),
  locale: z.enum(["en", "ko"], { error: "invalid_locale" }).default("en"),
});

export const acceptInvitationInput = z.object({
  token: z.string({ error: "required" }).min(20, { error: "invalid" }).max(100, { error: "invalid" }),
  name: line(100),
  password: z.string({ error: "required" }).min(12, { error: "too_short" }).max(256, { error: "too_long" }),
});
