import { restoreInvalidation } from "@/lib/integrity/signals/restore-invalidation";
import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/invalidations/[id]/restore – undo an invalidation: statuses back, confirmed ones counted again
export const POST = organizerRoute<Context>("organizer.invalidations.restore", async (_request, scope, { params }) => {
  return json(await restoreInvalidation(scope, (await params).id));
});
