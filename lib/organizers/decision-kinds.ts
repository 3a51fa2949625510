/** The organizer decisions that go through a confirm step (app/[locale]/admin/campaigns/[id]/confirm). */
export const decisionKinds = ["close", "reject", "release", "releaseSignature"] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** The confirm step's address for a decision on this campaign (and its letter or signature). */
export function confirmPath(locale: string, campaignId: string, kind: DecisionKind, item?: string): string {
  return `/${locale}/admin/campaigns/${campaignId}/confirm?action=${kind}${item ? `&item=${item}` : ""}`;
}
