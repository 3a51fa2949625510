import { json } from "@/lib/infra/http";
import { duplicateCampaign } from "@/lib/organizers/campaigns/duplicate-campaign";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/duplicate – a new draft with the campaign's texts, topics and settings
export const POST = organizerRoute<Context>("organizer.campaigns.duplicate", async (_request, scope, { params }) => {
  return json(await duplicateCampaign(scope, (await params).id), { status: 201 });
});
