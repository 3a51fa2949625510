import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { cancelDelivery } from "@/lib/delivery/cancel-delivery";

type Context = { params: Promise<{ id: string; deliveryId: string }> };

// POST /api/organizer/campaigns/[id]/deliveries/[deliveryId]/cancel – give up on a failed delivery for good
export const POST = organizerRoute<Context>("organizer.deliveries.cancel", async (_request, scope, { params }) => {
  const { id, deliveryId } = await params;
  return json(await cancelDelivery(scope, id, deliveryId));
});
