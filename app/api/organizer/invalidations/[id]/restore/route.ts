import { restoreInvalidation } from "@/lib/abuse-signals/restore-invalidation";
import { json } from "@/lib/http";
import { organizerRoute } from "@/lib/organizer/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/invalidations/[id]/restore – undo an invalidation: statuses back, confirmed ones counted again
export const POST = organizerRoute<Context>("organizer.invalidations.restore", async (_request, scope, { params }) => {
  return json(await restoreInvalidation(scope, (await params).id));
});
