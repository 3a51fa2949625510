import { z } from "@/lib/infra/validation/zod";
import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { sendTestDelivery } from "@/lib/delivery/send-test-delivery";

type Context = { params: Promise<{ id: string }> };

const testInput = z.object({ of: z.enum(["digest", "letter"], { error: "invalid" }).default("digest") });

// POST /api/organizer/campaigns/[id]/deliveries/test – the next delivery, marked as a test, to the signed-in
// organizer's own address (never the target), through the outbox
export const POST = organizerRoute<Context>("organizer.deliveries.test", async (request, scope, { params }) => {
  const { of } = await readJson(request, testInput);
  return json(await sendTestDelivery(scope, (await params).id, of), { status: 202 });
});
