// After a campaign's target address changes, what has not reached the old one goes to the new one: deliveries
// waiting for their turn or for the relay (pending) and those refused for good (failed, sent again by "Retry now").
// Sent and cancelled deliveries keep the address they were for, as their record.
import { sql } from "kysely";
import type { Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";
import { deliveryTargetOf } from "./delivery-target";

/** Returns how many deliveries were rerouted. Runs in the transaction that changed the address. */
export async function rerouteDeliveries(trx: Transaction, campaignId: string): Promise<number> {
  const target = await deliveryTargetOf(campaignId, trx);
  const result = await trx
    .updateTable("outbox_message")
    .set({ to: target, updated_at: now() })
    .where("campaign_id", "=", campaignId)
    .where("kind", "in", kindsOf("delivery"))
    .where("status", "in", ["pending", "failed"])
    .where(sql<boolean>`"to" IS DISTINCT FROM ${target}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
