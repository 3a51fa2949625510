import { json } from "@/lib/infra/http";
import { listDeliveries } from "@/lib/delivery/list-deliveries";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/deliveries – every email to the target, with attempts and failures
export const GET = organizerRoute<Context>("organizer.campaigns.deliveries", async (_request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  return json({ deliveries: await listDeliveries(campaign.id) });
});
