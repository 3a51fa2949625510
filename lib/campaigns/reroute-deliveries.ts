// After a target's address changes, what has not reached the old one goes to the new one: deliveries waiting for
// their turn or for the relay (pending) and those refused for good (failed, sent again by "Retry now"). With several
// targets, each target's deliveries follow that target's address; deliveries made before targets existed (no
// target_id) follow the first target. Sent and cancelled deliveries keep the address they were for, as their record.
import { sql } from "kysely";
import type { Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";
import { campaignTargets } from "./campaign-targets";

/** Returns how many deliveries were rerouted. Runs in the transaction that changed the address. */
export async function rerouteDeliveries(trx: Transaction, campaignId: string): Promise<number> {
  const targets = await campaignTargets(campaignId, trx);
  let rerouted = 0;
  for (const [i, target] of targets.entries()) {
    const result = await trx
      .updateTable("outbox_message")
      .set({ to: target.email, updated_at: now() })
      .where("campaign_id", "=", campaignId)
      .where("kind", "in", kindsOf("delivery"))
      .where("status", "in", ["pending", "failed"])
      .where((eb) => {
        const own = target.stored ? [eb("target_id", "=", target.id)] : [];
        return eb.or(i === 0 ? [...own, eb("target_id", "is", null)] : own);
      })
      .where(sql<boolean>`"to" IS DISTINCT FROM ${target.email}`)
      .executeTakeFirst();
    rerouted += Number(result.numUpdatedRows);
  }
  return rerouted;
}
