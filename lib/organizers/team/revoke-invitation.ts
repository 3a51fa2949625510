// An owner withdraws an open invitation: the row goes, so its link answers "invalid" and a queued email sends nothing
// (render-invitation-mail reads the row at send time).
import "server-only";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";
import { pendingInvitation } from "./pending-invitation";

export async function revokeInvitation(scope: Scope, invitationId: string): Promise<void> {
  requireRole(scope.organizer, "owner");
  await transaction(async (trx) => {
    const invitation = await pendingInvitation(trx, scope, invitationId);
    await trx.deleteFrom("invitation").where("id", "=", invitation.id).execute();
    await recordAudit(
      trx,
      scope,
      "invitation.revoked",
      { id: invitation.id, label: invitation.email },
      {
        role: invitation.role,
      },
    );
  });
}
