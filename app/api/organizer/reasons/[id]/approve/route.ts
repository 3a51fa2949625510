import { json } from "@/lib/infra/http";
import { reviewReason } from "@/lib/signer-wall/review-reason";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/reasons/[id]/approve – approve a signer's reason (the signature's id) for the public signer wall
export const POST = organizerRoute<Context>("organizer.reasons.approve", async (_request, scope, { params }) => {
  return json(await reviewReason(scope, (await params).id, "approve"));
});
