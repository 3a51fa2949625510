// A signer who withdraws, or changes how they appear, is off the wall (or shown as newly chosen) at once, not when
// its cached page expires: their link's page drops the campaign's cached pages after the change has committed.
import "server-only";
import { db } from "@/lib/infra/db";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";

/** By the campaign, or by a signature still stored (a withdrawn one is gone: pass its campaign). */
export async function forgetSignerWall(of: { campaignId: string } | { signatureId: string }): Promise<void> {
  const campaign =
    "campaignId" in of
      ? await db.selectFrom("campaign").select("slug").where("id", "=", of.campaignId).executeTakeFirst()
      : await db
          .selectFrom("signature as s")
          .innerJoin("campaign as c", "c.id", "s.campaign_id")
          .select("c.slug")
          .where("s.id", "=", of.signatureId)
          .executeTakeFirst();
  if (campaign) revalidateCampaign(campaign.slug);
}
