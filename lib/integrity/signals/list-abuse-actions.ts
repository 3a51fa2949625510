// A campaign's actions on suspicious activity, newest first: the audit trail the Signals page shows (who, when, what,
// how many), with restore details.
import "server-only";
import { prisma } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function listAbuseActions(scope: Scope, campaignId: string, take = 100) {
  const campaign = await scope.campaign(campaignId);
  return prisma.abuseAction.findMany({
    where: { campaignId: campaign.id, organizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      criteria: true,
      affected: true,
      uncounted: true,
      createdAt: true,
      restoredAt: true,
      restored: true,
      recounted: true,
      user: { select: { email: true, name: true } },
      restoredBy: { select: { email: true, name: true } },
    },
  });
}
