// An organizer (editor or owner) adds an entry to the campaign's public timeline, in both languages; audited, and the
// public page shows it at once (its cached copies are dropped).
import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import type { EventInput } from "./schema";

export async function addEvent(scope: Scope, campaignId: string, input: EventInput): Promise<{ id: string }> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const id = randomUUID();
  await transaction(async (trx) => {
    await trx
      .insertInto("campaign_event")
      .values({
        id,
        campaign_id: campaign.id,
        kind: input.kind,
        happened_on: new Date(`${input.happenedOn}T00:00:00Z`),
        created_by_id: scope.organizer.userId,
        created_at: now(),
      })
      .execute();
    await trx
      .insertInto("campaign_event_translation")
      .values([
        { event_id: id, locale: "en", text: input.textEn },
        { event_id: id, locale: "ko", text: input.textKo },
      ])
      .execute();
    await recordAudit(
      trx,
      scope,
      "timeline.added",
      { id: campaign.id, label: campaign.slug },
      { eventId: id, kind: input.kind, happenedOn: input.happenedOn },
    );
  });
  revalidateCampaign(campaign.slug);
  return { id };
}
