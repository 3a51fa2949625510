import { campaignLetters } from "@/lib/exports/campaign-letters";
import { csvHeaders, exportFileName } from "@/lib/exports/file-name";
import { lettersCsv } from "@/lib/exports/letters-csv";
import { recordExport } from "@/lib/exports/record-export";
import { now } from "@/lib/infra/clock";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { requireRole } from "@/lib/organizers/current-organizer";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/exports/letters – every confirmed letter as CSV (UTF-8 with BOM)
export const GET = organizerRoute<Context>("organizer.exports.letters", async (request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  requireRole(scope.organizer, "editor");
  await recordExport(scope, campaign.id, "letters");
  const letters = await campaignLetters(campaign.id, negotiateLocale(request.headers.get("accept-language")));
  return new Response(lettersCsv(letters), { headers: csvHeaders(exportFileName("letters", campaign.slug, now())) });
});
