import { json } from "@/lib/http";
import { moderateLetter } from "@/lib/moderation/moderate-letter";
import { organizerRoute } from "@/lib/organizer/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/letters/[id]/release – release a letter held for review
export const POST = organizerRoute<Context>("organizer.moderation.release", async (_request, scope, { params }) => {
  return json(await moderateLetter(scope, (await params).id, "release"));
});
