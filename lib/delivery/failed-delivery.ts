// The failed delivery an organizer acts on (Retry now, Cancel): one of this campaign's emails to its target, locked
// for the action's transaction. Another campaign's or a malformed id is 404; a delivery that is not failed (sent,
// cancelled, or already on its way again) is 409, and nothing changes.
import "server-only";
import { AppError } from "@/lib/infra/errors";
import type { Transaction } from "@/lib/infra/db";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function lockFailedDelivery(trx: Transaction, campaignId: string, deliveryId: string) {
  if (!uuid.test(deliveryId)) throw new AppError("not_found");
  const row = await trx
    .selectFrom("outbox_message")
    .select(["id", "kind", "status", "attempts", "message_id", "to"])
    .where("id", "=", deliveryId)
    .where("campaign_id", "=", campaignId)
    .where("kind", "in", kindsOf("delivery"))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  if (row.status !== "failed") throw new AppError("conflict", "Only a failed delivery can be retried or cancelled.");
  return row;
}
