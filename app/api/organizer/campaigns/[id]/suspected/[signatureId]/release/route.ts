import { releaseSuspected } from "@/lib/integrity/signals/release-suspected";
import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string; signatureId: string }> };

// POST /api/organizer/campaigns/[id]/suspected/[signatureId]/release – let one suspected signature through: it
// becomes pending and its signer is sent the confirmation email
export const POST = organizerRoute<Context>("organizer.suspected.release", async (_request, scope, { params }) => {
  const { id, signatureId } = await params;
  return json(await releaseSuspected(scope, id, signatureId));
});
