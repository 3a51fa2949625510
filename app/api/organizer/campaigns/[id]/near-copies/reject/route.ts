import { nearCopiesRequest } from "@/lib/integrity/signals/schema";
import { json, readJson } from "@/lib/infra/http";
import { rejectNearCopies } from "@/lib/integrity/moderation/reject-near-copies";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/near-copies/reject – reject every undelivered letter of one near-copy group
export const POST = organizerRoute<Context>(
  "organizer.moderation.rejectNearCopies",
  async (request, scope, { params }) => {
    const { id } = await params;
    await scope.campaign(id);
    const { fingerprint } = await readJson(request, nearCopiesRequest);
    return json(await rejectNearCopies(scope, id, fingerprint));
  },
);
