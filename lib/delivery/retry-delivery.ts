// "Retry now" on a failed delivery: the same email (same row, so the same Message-ID and the same letters and
// signers, which never left it) is due again at once, to its target's address as it is now. A failed digest
// is retried itself: its signers stay with it rather than moving to the next digest, so the target never gets a
// signer twice under two Message-IDs. Editors and owners only; recorded in the audit log.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { deliveryTargetOf } from "@/lib/campaigns/delivery-target";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import type { Scope } from "@/lib/organizers/scope";
import { lockFailedDelivery } from "./failed-delivery";

export async function retryDelivery(scope: Scope, campaignId: string, deliveryId: string) {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  return transaction(async (trx) => {
    const delivery = await lockFailedDelivery(trx, campaign.id, deliveryId);
    const { target_id } = await trx
      .selectFrom("outbox_message")
      .select("target_id")
      .where("id", "=", delivery.id)
      .executeTakeFirstOrThrow();
    // Its own target's address as it is now (the first target's, for a delivery made before targets existed).
    const to = await deliveryTargetOf(campaign.id, trx, target_id);
    const at = now();
    await trx
      .updateTable("outbox_message")
      .set({ status: "pending", to, available_at: at, claimed_by: null, claimed_until: null, updated_at: at })
      .where("id", "=", delivery.id)
      .execute();
    await trx
      .insertInto("outbox_event")
      .values({
        message_id: delivery.id,
        status: "pending",
        attempt: delivery.attempts,
        detail: "retry requested by an organizer", // who: the audit log (no address kept with the message)
        at,
      })
      .execute();
    await recordAudit(
      trx,
      scope,
      "delivery.retried",
      { id: delivery.id, label: delivery.message_id },
      { campaignId: campaign.id, to },
    );
    return { id: delivery.id, status: "pending" as const, to };
  });
}
