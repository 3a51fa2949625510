// An owner changes a member's role; the last owner cannot be demoted (someone must be able to manage the team).
import "server-only";
import type { z } from "zod";
import { transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";
import { memberInScope } from "./member-in-scope";
import type { memberRoleInput } from "./team-schema";

export async function changeMemberRole(
  scope: Scope,
  memberId: string,
  input: z.output<typeof memberRoleInput>,
): Promise<{ id: string; role: string }> {
  requireRole(scope.organizer, "owner");
  return transaction(async (trx) => {
    const member = await memberInScope(trx, scope, memberId);
    if (member.role === input.role) return { id: member.id, role: member.role };
    if (member.lastOwner) {
      throw new AppError("conflict", undefined, { role: { code: "last_owner", message: "last_owner" } });
    }
    await trx.updateTable("member").set({ role: input.role }).where("id", "=", member.id).execute();
    await recordAudit(
      trx,
      scope,
      "member.role_changed",
      { id: member.id, label: member.email },
      {
        from: member.role,
        to: input.role,
      },
    );
    return { id: member.id, role: input.role };
  });
}
