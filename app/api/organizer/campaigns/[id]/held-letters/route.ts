import { json } from "@/lib/infra/http";
import { listHeldLetters } from "@/lib/integrity/moderation/list-held-letters";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/held-letters – letters held for review
export const GET = organizerRoute<Context>("organizer.moderation.list", async (_request, scope, { params }) => {
  return json({ letters: await listHeldLetters(scope, (await params).id) });
});
