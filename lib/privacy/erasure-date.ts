// When the retention job (anonymise-closed-campaigns.ts) erases a campaign's signers' and writers' personal data:
// RETENTION_DAYS_AFTER_CLOSE after it stopped taking signatures, by the same rule and the same setting the job uses,
// so what the organizer is told before closing is the date the job will act on.
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";

const dayMs = 86_400_000;

/** The moment personal data becomes due for erasure, for a campaign that stopped taking signatures at `closedSince`. */
export function erasureDueAt(closedSince: Date, days: number = env.RETENTION_DAYS_AFTER_CLOSE): Date {
  return new Date(closedSince.getTime() + days * dayMs);
}

/**
 * The erasure date if the campaign were closed now: the job counts from the earlier of the organizer's closing and
 * the campaign's own closing date (an already-closed campaign keeps its first closing moment).
 */
export function erasureDueIfClosedNow(campaign: { closedAt: Date | null; closesAt: Date | null }): Date {
  const at = now();
  const candidates = [campaign.closedAt ?? at, ...(campaign.closesAt ? [campaign.closesAt] : [])];
  return erasureDueAt(new Date(Math.min(...candidates.map((d) => d.getTime()))));
}
