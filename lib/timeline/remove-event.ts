// An organizer (editor or owner) removes a timeline entry; audited with what it said, and the public page drops it.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function removeEvent(scope: Scope, campaignId: string, eventId: string): Promise<void> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  if (!uuid.test(eventId)) throw new AppError("not_found");
  await transaction(async (trx) => {
    const removed = await trx
      .deleteFrom("campaign_event")
      .where("id", "=", eventId)
      .where("campaign_id", "=", campaign.id)
      .returning(["kind", "happened_on"])
      .executeTakeFirst();
    if (!removed) throw new AppError("not_found");
    await recordAudit(
      trx,
      scope,
      "timeline.removed",
      { id: campaign.id, label: campaign.slug },
      { eventId, kind: removed.kind, happenedOn: removed.happened_on.toISOString().slice(0, 10) },
    );
  });
  revalidateCampaign(campaign.slug);
}
