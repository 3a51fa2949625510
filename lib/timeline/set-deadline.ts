// An organizer (editor or owner) sets or clears the campaign's deadline, which the public page counts down to;
// audited with the old and new moment.
import "server-only";
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";

export async function setDeadline(scope: Scope, campaignId: string, deadline: Date | null) {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  await transaction(async (trx) => {
    const before = await trx
      .selectFrom("campaign")
      .select("deadline")
      .where("id", "=", campaign.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx.updateTable("campaign").set({ deadline, updated_at: now() }).where("id", "=", campaign.id).execute();
    await recordAudit(
      trx,
      scope,
      "deadline.changed",
      { id: campaign.id, label: campaign.slug },
      { from: before.deadline?.toISOString() ?? null, to: deadline?.toISOString() ?? null },
    );
  });
  revalidateCampaign(campaign.slug);
  return { deadline };
}
