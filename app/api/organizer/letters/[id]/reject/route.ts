import { json, readJson } from "@/lib/infra/http";
import { moderateLetter } from "@/lib/integrity/moderation/moderate-letter";
import { rejectLetterRequest } from "@/lib/integrity/schema";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/letters/[id]/reject – reject a letter held for review; with { "strikeCosignature": true } the
// writer's own co-signature is struck out too
export const POST = organizerRoute<Context>("organizer.moderation.reject", async (request, scope, { params }) => {
  const id = (await params).id;
  const options = request.headers.get("content-type") ? await readJson(request, rejectLetterRequest) : {};
  return json(await moderateLetter(scope, id, "reject", options));
});
