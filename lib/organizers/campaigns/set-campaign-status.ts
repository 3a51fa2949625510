// Opens or closes a campaign. Closing stops signatures and letters at once (the sign and letter statements only
// accept `open` campaigns) and the public page says so once its cached copy is dropped.
import "server-only";
import { prisma } from "@/lib/infra/db";
import { requireRole } from "../current-organizer";
import { revalidateCampaign } from "./revalidate-campaign";
import type { Scope } from "../scope";

export async function setCampaignStatus(scope: Scope, id: string, status: "open" | "closed") {
  const campaign = await scope.campaign(id);
  requireRole(scope.organizer, "editor");
  const updated = await prisma.campaign.update({
    where: { id: campaign.id },
    // Reopening a campaign whose closing date has passed would change nothing: clear the date.
    // closedAt starts the retention period (lib/retention); reopening stops it.
    data: {
      status,
      closedAt: status === "closed" ? (campaign.status === "closed" ? undefined : new Date()) : null,
      ...(status === "open" && campaign.closesAt && campaign.closesAt <= new Date() ? { closesAt: null } : {}),
    },
    select: { id: true, slug: true, status: true },
  });
  revalidateCampaign(updated.slug);
  return updated;
}
