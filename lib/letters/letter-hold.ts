// The cooling-off period: a confirmed letter waits its campaign's hold (or LETTER_HOLD_HOURS) before the delivery
// tick may take it, so the withdraw link in the writer's email still works when they read it.
import { env } from "@/lib/infra/env";

export const hourMs = 3_600_000;

/** The campaign's own hold in hours, or the setting's. */
export function letterHoldHours(campaignHours: number | null | undefined): number {
  return campaignHours ?? env.LETTER_HOLD_HOURS;
}

/** When a letter confirmed at `confirmedAt` may leave for the target, at the earliest. */
export function letterLeavesAt(confirmedAt: Date, campaignHours: number | null | undefined): Date {
  return new Date(confirmedAt.getTime() + letterHoldHours(campaignHours) * hourMs);
}
