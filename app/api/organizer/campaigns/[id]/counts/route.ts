import { json } from "@/lib/infra/http";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { campaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/counts – per day, country, region, topic, and totals
export const GET = organizerRoute<Context>("organizer.campaigns.counts", async (request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  return json(await campaignCounts(campaign, negotiateLocale(request.headers.get("accept-language"))));
});
