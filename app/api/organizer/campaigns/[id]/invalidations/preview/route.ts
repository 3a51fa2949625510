import { previewInvalidation } from "@/lib/integrity/signals/preview-invalidation";
import { invalidationRequest } from "@/lib/integrity/signals/schema";
import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/invalidations/preview – how many signatures a set holds, and how many count
export const POST = organizerRoute<Context>("organizer.invalidations.preview", async (request, scope, { params }) => {
  const { id } = await params;
  await scope.campaign(id);
  const { criteria } = await readJson(request, invalidationRequest);
  return json(await previewInvalidation(scope, id, criteria));
});
