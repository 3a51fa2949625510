import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { setCampaignStatus } from "@/lib/organizers/campaigns/set-campaign-status";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/close – close the campaign to signatures and letters
export const POST = organizerRoute<Context>("organizer.campaigns.close", async (_request, scope, { params }) => {
  return json(await setCampaignStatus(scope, (await params).id, "closed"));
});
