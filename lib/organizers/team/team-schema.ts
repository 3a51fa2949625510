import { z } from "@/lib/infra/validation/zod";

export const memberRoleInput = z.object({
  role: z.enum(["owner", "editor", "viewer"], { error: "invalid" }),
});
