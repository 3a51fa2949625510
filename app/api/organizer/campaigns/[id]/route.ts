import { z } from "@/lib/validation/zod";
import { json, readJson } from "@/lib/http";
import { getCampaignForEdit } from "@/lib/organizer/get-campaign-for-edit";
import { organizerRoute } from "@/lib/organizer/route";
import { updateCampaign } from "@/lib/organizer/save-campaign";
import { validateCampaign } from "@/lib/organizer/validate-campaign";

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
