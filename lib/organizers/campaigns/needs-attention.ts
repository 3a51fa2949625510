// What an organizer should look at for one campaign, in the order the dashboard's strip lists it: letters held for
// review, signers' reasons waiting for approval before the wall shows them, deliveries to the target that failed,
// the challenge visitors must solve, and a closing date close ahead. Each is a kind with its figure; another is one
// more member of the union, one more line below and one more message in admin.dashboard.attention.

/** Who must solve the challenge before signing (lib/integrity/challenge-status.ts). */
type ChallengeStatus = "everyone" | "networks";

/** How far ahead a closing date is worth a line. */
export const closingSoonDays = 7;

export type Attention =
  | { kind: "held"; count: number }
  | { kind: "reasons"; count: number }
  | { kind: "failed"; count: number }
  | { kind: "challenge"; who: ChallengeStatus }
  | { kind: "closing"; closesAt: Date };

type Campaign = {
  status: "draft" | "open" | "closed";
  closesAt: Date | null;
  letters: Record<string, number>;
  deliveries: Record<string, number>;
};

export function needsAttention(
  campaign: Campaign,
  challenge: ChallengeStatus | null,
  at: Date,
  /** Reasons waiting in the signer wall's queue (lib/signer-wall/count-pending-reasons.ts). */
  reasons = 0,
): Attention[] {
  const out: Attention[] = [];
  const held = campaign.letters.held ?? 0;
  const failed = campaign.deliveries.failed ?? 0;
  if (held > 0) out.push({ kind: "held", count: held });
  if (reasons > 0) out.push({ kind: "reasons", count: reasons });
  if (failed > 0) out.push({ kind: "failed", count: failed });
  if (challenge && campaign.status === "open") out.push({ kind: "challenge", who: challenge });
  const closesAt = campaign.closesAt;
  if (
    campaign.status === "open" &&
    closesAt &&
    closesAt.getTime() > at.getTime() &&
    closesAt.getTime() - at.getTime() <= closingSoonDays * 86_400_000
  )
    out.push({ kind: "closing", closesAt });
  return out;
}
