// Opens or closes a campaign. Closing stops signatures and letters at once (the sign and letter statements only
// accept `open` campaigns) and the public page says so once its cached copy is dropped.
import "server-only";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { requireRole } from "../current-organizer";
import { revalidateCampaign } from "./revalidate-campaign";
import type { Scope } from "../scope";

export async function setCampaignStatus(scope: Scope, id: string, status: "open" | "closed") {
  const campaign = await scope.campaign(id);
  requireRole(scope.organizer, "editor");
  const at = now();
  const updated = await db
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
    .returning(["id", "slug", "status"])
    .executeTakeFirstOrThrow();
  revalidateCampaign(updated.slug);
  return updated;
}
