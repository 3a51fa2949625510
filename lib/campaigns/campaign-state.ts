export type CampaignState = "open" | "closed" | "not_open_yet";

/** Whether a published campaign takes signatures now: its status and its opening and closing dates. */
export function campaignState(
  c: { status: string; opensAt: Date | null; closesAt: Date | null },
  now = new Date(),
): CampaignState {
  if (c.status === "closed" || (c.closesAt && c.closesAt <= now)) return "closed";
  if (c.opensAt && c.opensAt > now) return "not_open_yet";
  return "open";
}
