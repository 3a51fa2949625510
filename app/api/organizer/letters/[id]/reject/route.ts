import { json } from "@/lib/infra/http";
import { moderateLetter } from "@/lib/integrity/moderation/moderate-letter";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/letters/[id]/reject – reject a letter held for review
export const POST = organizerRoute<Context>("organizer.moderation.reject", async (_request, scope, { params }) => {
  return json(await moderateLetter(scope, (await params).id, "reject"));
});
