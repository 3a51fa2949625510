import { json, readJson } from "@/lib/infra/http";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { listCampaigns } from "@/lib/organizers/campaigns/list-campaigns";
import { organizerRoute } from "@/lib/organizers/route";
import { createCampaign } from "@/lib/organizers/campaigns/save-campaign";
import { validateCampaign } from "@/lib/organizers/campaigns/validate-campaign";
import { z } from "@/lib/infra/validation/zod";

// GET /api/organizer/campaigns – the organization's campaigns with their counts
export const GET = organizerRoute("organizer.campaigns.list", async (request, scope) => {
  return json({ campaigns: await listCampaigns(scope, negotiateLocale(request.headers.get("accept-language"))) });
});

// POST /api/organizer/campaigns – create a draft campaign in both languages
export const POST = organizerRoute("organizer.campaigns.create", async (request, scope) => {
  const data = validateCampaign(await readJson(request, z.unknown(), 256 * 1024));
  return json(await createCampaign(scope, data), { status: 201 });
});
