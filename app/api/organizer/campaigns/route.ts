import { json, readJson } from "@/lib/http";
import { negotiateLocale } from "@/lib/i18n/config";
import { listCampaigns } from "@/lib/organizer/list-campaigns";
import { organizerRoute } from "@/lib/organizer/route";
import { createCampaign } from "@/lib/organizer/save-campaign";
import { validateCampaign } from "@/lib/organizer/validate-campaign";
import { z } from "@/lib/validation/zod";

// GET /api/organizer/campaigns – the organization's campaigns with their counts
export const GET = organizerRoute("organizer.campaigns.list", async (request, scope) => {
  return json({ campaigns: await listCampaigns(scope, negotiateLocale(request.headers.get("accept-language"))) });
});

// POST /api/organizer/campaigns – create a draft campaign in both languages
export const POST = organizerRoute("organizer.campaigns.create", async (request, scope) => {
  const data = validateCampaign(await readJson(request, z.unknown(), 256 * 1024));
  return json(await createCampaign(scope, data), { status: 201 });
});
