import { checkBundleRows } from "@/lib/delivery/bundle/check-bundle-rows";
import { AppError } from "@/lib/infra/errors";
import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string; bundleId: string }> };

// GET /api/organizer/campaigns/[id]/bundles/[bundleId]/check – whether any bundled row changed or went since
export const GET = organizerRoute<Context>("organizer.bundles.check", async (_request, scope, { params }) => {
  const { id, bundleId } = await params;
  const campaign = await scope.campaign(id);
  const result = /^[0-9a-f-]{36}$/.test(bundleId) ? await checkBundleRows(campaign.id, bundleId) : null;
  if (!result) throw new AppError("not_found");
  return json(result);
});
