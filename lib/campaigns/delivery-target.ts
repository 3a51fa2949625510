// Where a campaign's deliveries go, read in one place: the scheduler, a retry, a reroute and the delivery panel all
// ask here, so that a change in how targets are stored is made once. A campaign may have several targets
// (./campaign-targets.ts); a delivery goes to its own target, and the delivery panel shows the first one. Reads inside
// the caller's transaction when given one.
import { db, type Database, type Transaction } from "@/lib/infra/db";
import { campaignTargets, type CampaignTarget } from "./campaign-targets";

/** The target `targetId` of the campaign, or its first target when none is named (or it has been removed since). */
export async function deliveryTargetFor(
  campaignId: string,
  executor: Database | Transaction = db,
  targetId: string | null = null,
): Promise<CampaignTarget> {
  const targets = await campaignTargets(campaignId, executor);
  const target = (targetId ? targets.find((t) => t.id === targetId) : undefined) ?? targets[0];
  if (!target) throw new Error(`campaign ${campaignId} has no target`);
  return target;
}

/** The address of the target `targetId` of the campaign, or of its first target when none is named. */
export async function deliveryTargetOf(
  campaignId: string,
  executor: Database | Transaction = db,
  targetId: string | null = null,
): Promise<string> {
  return (await deliveryTargetFor(campaignId, executor, targetId)).email;
}
