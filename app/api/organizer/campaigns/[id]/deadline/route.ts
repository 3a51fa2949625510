import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { deadlineSchema } from "@/lib/timeline/schema";
import { setDeadline } from "@/lib/timeline/set-deadline";

type Context = { params: Promise<{ id: string }> };

// PUT /api/organizer/campaigns/[id]/deadline – an editor sets the campaign's deadline (empty: none)
export const PUT = organizerRoute<Context>("organizer.deadline.set", async (request, scope, { params }) => {
  const { deadline } = await readJson(request, deadlineSchema);
  return json(await setDeadline(scope, (await params).id, deadline));
});
