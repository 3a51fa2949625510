import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { updateSchema } from "@/lib/updates/schema";
import { sendTestUpdate } from "@/lib/updates/send-test-update";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/updates/test – the update in both languages to the organizer's own address
export const POST = organizerRoute<Context>("organizer.updates.test", async (request, scope, { params }) => {
  const input = await readJson(request, updateSchema, 64 * 1024);
  return json(await sendTestUpdate(scope, (await params).id, input), { status: 201 });
});
