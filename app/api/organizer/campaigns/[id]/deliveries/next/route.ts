import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { deliveryPlan } from "@/lib/delivery/delivery-plan";
import { previewNextDeliveries } from "@/lib/delivery/preview-next-delivery";
import { previewsForRole } from "@/lib/delivery/preview-for-role";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/deliveries/next – the delivery plan and the next deliveries exactly as the target
// would get them now (From, Reply-To, subject, bodies)
export const GET = organizerRoute<Context>("organizer.deliveries.next", async (_request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  const [plan, next] = await Promise.all([deliveryPlan(campaign.id), previewNextDeliveries(campaign.id)]);
  return json({ plan, ...previewsForRole(next, scope.organizer.role) });
});
