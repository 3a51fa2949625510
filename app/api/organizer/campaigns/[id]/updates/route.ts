import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { updateSchema } from "@/lib/updates/schema";
import { sendUpdate } from "@/lib/updates/send-update";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/updates – an editor sends an update to everyone who asked for updates
export const POST = organizerRoute<Context>("organizer.updates.send", async (request, scope, { params }) => {
  const input = await readJson(request, updateSchema, 64 * 1024);
  return json(await sendUpdate(scope, (await params).id, input), { status: 201 });
});
