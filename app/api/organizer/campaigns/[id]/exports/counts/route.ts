import { countsCsv } from "@/lib/exports/counts-csv";
import { csvHeaders, exportFileName } from "@/lib/exports/file-name";
import { recordExport } from "@/lib/exports/record-export";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { campaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/exports/counts – the counts as CSV, for press and partners
export const GET = organizerRoute<Context>("organizer.exports.counts", async (request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  const counts = await campaignCounts(campaign, negotiateLocale(request.headers.get("accept-language")));
  await recordExport(scope, campaign.id, "counts");
  return new Response(countsCsv(counts), { headers: csvHeaders(exportFileName("counts", campaign.slug)) });
});
