import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { removeEvent } from "@/lib/timeline/remove-event";

type Context = { params: Promise<{ id: string; eventId: string }> };

// DELETE /api/organizer/campaigns/[id]/timeline/[eventId] – an editor removes a timeline entry
export const DELETE = organizerRoute<Context>("organizer.timeline.remove", async (_request, scope, { params }) => {
  const { id, eventId } = await params;
  await removeEvent(scope, id, eventId);
  return json({ removed: true });
});
