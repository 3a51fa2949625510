import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { eventSchema } from "@/lib/timeline/schema";
import { addEvent } from "@/lib/timeline/add-event";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/timeline – an editor adds an entry to the public timeline
export const POST = organizerRoute<Context>("organizer.timeline.add", async (request, scope, { params }) => {
  const input = await readJson(request, eventSchema);
  return json(await addEvent(scope, (await params).id, input), { status: 201 });
});
