// An owner removes a member who left: their membership, their sessions (the next request they make is refused) and
// their password go; the user row stays so the audit and export logs still name them, and they may be invited again.
// Never the last owner.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";
import { memberInScope } from "./member-in-scope";

export async function removeMember(scope: Scope, memberId: string): Promise<void> {
  requireRole(scope.organizer, "owner");
  await transaction(async (trx) => {
    const member = await memberInScope(trx, scope, memberId);
    if (member.lastOwner)
      throw new AppError("conflict", undefined, { member: { code: "last_owner", message: "last_owner" } });
    await trx.deleteFrom("member").where("id", "=", member.id).execute();
    await trx.deleteFrom("session").where("user_id", "=", member.userId).execute();
    await trx.deleteFrom("account").where("user_id", "=", member.userId).execute();
    await recordAudit(trx, scope, "member.removed", { id: member.id, label: member.email }, { role: member.role });
  });
}
