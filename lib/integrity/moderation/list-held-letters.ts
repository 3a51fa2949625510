// Letters waiting for an organizer's review, oldest first, with why they were held.
import "server-only";
import { prisma } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function listHeldLetters(scope: Scope, campaignId: string) {
  const campaign = await scope.campaign(campaignId);
  return prisma.letter.findMany({
    where: { campaignId: campaign.id, status: "held" },
    orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, subject: true, body: true, language: true, country: true, heldReason: true, confirmedAt: true },
  });
}
