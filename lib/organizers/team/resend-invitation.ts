// An owner sends an open invitation again: a new link and a new expiry; the old link stops working.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";
import { queueInvitation, refuseExistingOrganizer } from "./invite-member";
import { pendingInvitation } from "./pending-invitation";

export async function resendInvitation(scope: Scope, invitationId: string): Promise<{ id: string }> {
  requireRole(scope.organizer, "owner");
  return transaction(async (trx) => {
    const old = await pendingInvitation(trx, scope, invitationId);
    await refuseExistingOrganizer(old.email);
    const renewed = await queueInvitation(trx, scope, { email: old.email, role: old.role, locale: old.locale });
    await recordAudit(trx, scope, "invitation.resent", { id: renewed.id, label: old.email }, { role: old.role });
    return renewed;
  });
}
