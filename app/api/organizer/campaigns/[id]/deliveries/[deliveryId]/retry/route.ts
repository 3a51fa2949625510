import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { retryDelivery } from "@/lib/delivery/retry-delivery";

type Context = { params: Promise<{ id: string; deliveryId: string }> };

// POST /api/organizer/campaigns/[id]/deliveries/[deliveryId]/retry – send a failed delivery again now: same items,
// same Message-ID, to the target's current address
export const POST = organizerRoute<Context>("organizer.deliveries.retry", async (_request, scope, { params }) => {
  const { id, deliveryId } = await params;
  return json(await retryDelivery(scope, id, deliveryId));
});
