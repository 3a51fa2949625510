import { listBundles } from "@/lib/delivery/bundle/list-bundles";
import { makeCampaignBundle } from "@/lib/delivery/bundle/make-campaign-bundle";
import { json } from "@/lib/infra/http";
import { requireRole } from "@/lib/organizers/current-organizer";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/bundles – the campaign's signed delivery bundles, newest first
export const GET = organizerRoute<Context>("organizer.bundles.list", async (_request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  return json({ bundles: await listBundles(campaign.id) });
});

// POST /api/organizer/campaigns/[id]/bundles – make a signed bundle of everything counted now (editors)
export const POST = organizerRoute<Context>("organizer.bundles.make", async (_request, scope, { params }) => {
  requireRole(scope.organizer, "editor");
  const campaign = await scope.campaign((await params).id);
  return json(await makeCampaignBundle(campaign.id, scope.organizer.userId), { status: 201 });
});
