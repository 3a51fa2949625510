import { listSignals } from "@/lib/integrity/signals/list-signals";
import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/signals – suspicious activity: networks, disposable domains, bursts, near-copies
export const GET = organizerRoute<Context>("organizer.signals.list", async (_request, scope, { params }) => {
  return json(await listSignals(scope, (await params).id));
});
