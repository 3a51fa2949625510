// "Cancel" on a failed delivery: it is never sent. Its letters and signers stay with it and are shown as not
// delivered (cancelled), never as queued; they are not handed to another delivery, so cancelling is the organizer's
// decision that the target does not get them. Editors and owners only; recorded in the audit log.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import type { Scope } from "@/lib/organizers/scope";
import { lockFailedDelivery } from "./failed-delivery";

export async function cancelDelivery(scope: Scope, campaignId: string, deliveryId: string) {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  return transaction(async (trx) => {
    const delivery = await lockFailedDelivery(trx, campaign.id, deliveryId);
    const at = now();
    await trx
      .updateTable("outbox_message")
      .set({ status: "cancelled", updated_at: at })
      .where("id", "=", delivery.id)
      .execute();
    await trx
      .insertInto("outbox_event")
      .values({
        message_id: delivery.id,
        status: "cancelled",
        attempt: delivery.attempts,
        detail: "cancelled by an organizer", // who: the audit log (no address kept with the message)
        at,
      })
      .execute();
    await recordAudit(
      trx,
      scope,
      "delivery.cancelled",
      { id: delivery.id, label: delivery.message_id },
      { campaignId: campaign.id },
    );
    return { id: delivery.id, status: "cancelled" as const };
  });
}
