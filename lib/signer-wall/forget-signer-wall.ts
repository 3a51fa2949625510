// A signer who withdraws leaves the wall at once, not when its cached page expires: the withdraw page drops the
// campaign's cached pages after the erasure (lib/signatures/withdraw-signature.ts) has committed.
import "server-only";
import { db } from "@/lib/infra/db";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";

export async function forgetSignerWall(campaignId: string): Promise<void> {
  const campaign = await db.selectFrom("campaign").select("slug").where("id", "=", campaignId).executeTakeFirst();
  if (campaign) revalidateCampaign(campaign.slug);
}
