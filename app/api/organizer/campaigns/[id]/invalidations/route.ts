import { invalidateSignatures } from "@/lib/abuse-signals/invalidate-signatures";
import { listAbuseActions } from "@/lib/abuse-signals/list-abuse-actions";
import { invalidationRequest } from "@/lib/abuse-signals/schema";
import { json, readJson } from "@/lib/http";
import { organizerRoute } from "@/lib/organizer/route";

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
