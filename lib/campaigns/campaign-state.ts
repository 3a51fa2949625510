// Whether a published campaign takes signatures now, on the same clock as the sign and letter statements
// (lib/infra/clock.ts), so the page and the write agree on when a campaign opens and closes.
import { now as clockNow } from "@/lib/infra/clock";

export type CampaignState = "open" | "closed" | "not_open_yet";

/** From its status and its opening and closing dates. */
export function campaignState(
  c: { status: string; opensAt: Date | null; closesAt: Date | null },
  now = clockNow(),
): CampaignState {
  if (c.status === "closed" || (c.closesAt && c.closesAt <= now)) return "closed";
  if (c.opensAt && c.opensAt > now) return "not_open_yet";
  return "open";
}
