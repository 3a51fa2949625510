// Opens or closes a campaign. Closing stops signatures and letters at once (the sign and letter statements only
// accept `open` campaigns) and the public page says so once its cached copy is dropped. Either decision is recorded
// in the audit log (who, when); closing records the date its personal data becomes due for erasure.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { erasureDueAt } from "@/lib/privacy/erasure-date";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import { revalidateCampaign } from "./revalidate-campaign";
import type { Scope } from "../scope";

export async function setCampaignStatus(scope: Scope, id: string, status: "open" | "closed") {
  const campaign = await scope.campaign(id);
  requireRole(scope.organizer, "editor");
  const at = now();
  const updated = await transaction(async (trx) => {
    const row = await trx
      .updateTable("campaign")
      .set({
        status,
        updated_at: at,
        // closed_at starts the retention period (lib/privacy); closing again keeps it, reopening stops it.
        ...(status === "open" ? { closed_at: null } : campaign.status === "closed" ? {} : { closed_at: at }),
        // Reopening a campaign whose closing date has passed would change nothing: clear the date.
        ...(status === "open" && campaign.closesAt && campaign.closesAt <= at ? { closes_at: null } : {}),
      })
      .where("id", "=", campaign.id)
      .returning(["id", "slug", "status", "closed_at", "closes_at"])
      .executeTakeFirstOrThrow();
    if (campaign.status !== status) {
      const closedSince = [row.closed_at, row.closes_at].filter((d): d is Date => d !== null);
      const erasure =
        status === "closed" && closedSince.length > 0
          ? erasureDueAt(new Date(Math.min(...closedSince.map((d) => d.getTime()))))
          : null;
      await recordAudit(
        trx,
        scope,
        status === "closed" ? "campaign.closed" : "campaign.opened",
        { id: campaign.id, label: campaign.slug },
        { campaignId: campaign.id, ...(erasure ? { erasureDueAt: erasure.toISOString() } : {}) },
      );
    }
    return { id: row.id, slug: row.slug, status: row.status };
  });
  revalidateCampaign(updated.slug);
  return updated;
}
