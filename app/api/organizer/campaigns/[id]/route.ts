import { z } from "@/lib/infra/validation/zod";
import { json, readJson } from "@/lib/infra/http";
import { getCampaignForEdit } from "@/lib/organizers/campaigns/get-campaign-for-edit";
import { organizerRoute } from "@/lib/organizers/route";
import { updateCampaign } from "@/lib/organizers/campaigns/save-campaign";
import { validateCampaign } from "@/lib/organizers/campaigns/validate-campaign";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id] – the campaign as the edit form shows it
export const GET = organizerRoute<Context>("organizer.campaigns.get", async (_request, scope, { params }) => {
  return json(await getCampaignForEdit(scope, (await params).id));
});

// PATCH /api/organizer/campaigns/[id] – edit the campaign (the whole form, validated like a new one)
export const PATCH = organizerRoute<Context>("organizer.campaigns.update", async (request, scope, { params }) => {
  const { id } = await params;
  await scope.campaign(id);
  const data = validateCampaign(await readJson(request, z.unknown(), 256 * 1024));
  return json(await updateCampaign(scope, id, data));
});
