/** Shares of the goal that send a milestone email, in per cent; "delivered" is the first delivery to the target. */
export const goalMilestones = [25, 50, 100] as const;

export type Milestone = `${(typeof goalMilestones)[number]}` | "delivered";

export function isMilestone(value: unknown): value is Milestone {
  return value === "delivered" || goalMilestones.some((m) => `${m}` === value);
}
