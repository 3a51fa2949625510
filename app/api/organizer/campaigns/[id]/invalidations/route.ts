import { invalidateSignatures } from "@/lib/integrity/signals/invalidate-signatures";
import { listAbuseActions } from "@/lib/integrity/signals/list-abuse-actions";
import { invalidationRequest } from "@/lib/integrity/signals/schema";
import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/invalidations – the campaign's actions on suspicious activity, newest first
export const GET = organizerRoute<Context>("organizer.invalidations.list", async (_request, scope, { params }) => {
  return json({ actions: await listAbuseActions(scope, (await params).id) });
});

// POST /api/organizer/campaigns/[id]/invalidations – strike out a set of signatures; the count is corrected
export const POST = organizerRoute<Context>("organizer.invalidations.create", async (request, scope, { params }) => {
  const { id } = await params;
  await scope.campaign(id);
  const { criteria } = await readJson(request, invalidationRequest);
  return json(await invalidateSignatures(scope, id, criteria), { status: 201 });
});
