import { campaignLetters, letterTargetName } from "@/lib/exports/campaign-letters";
import { exportFileName } from "@/lib/exports/file-name";
import { lettersPrintDocument } from "@/lib/exports/letters-print";
import { recordExport } from "@/lib/exports/record-export";
import { now } from "@/lib/infra/clock";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { formatDay } from "@/lib/infra/i18n/format-moment";
import { translator } from "@/lib/infra/i18n/messages";
import { requireRole } from "@/lib/organizers/current-organizer";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/exports/letters-print – the letters' texts as one printable HTML document
export const GET = organizerRoute<Context>("organizer.exports.letters-print", async (request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  requireRole(scope.organizer, "editor");
  const locale = negotiateLocale(request.headers.get("accept-language"));
  await recordExport(scope, campaign.id, "letters_print");
  const [letters, target] = await Promise.all([
    campaignLetters(campaign.id, locale),
    letterTargetName(campaign.id, locale),
  ]);
  const t = translator(locale, "campaignTools");
  const html = lettersPrintDocument(letters, locale, {
    title: t("printTitle", { target }),
    count: t("printCount", { count: letters.length, date: formatDay(now(), locale) }),
    empty: t("printEmpty"),
  });
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      // A file to open and print: served as a download, so it is not a page of this site (and its own <style> applies).
      "content-disposition": `attachment; filename="${exportFileName("letters", campaign.slug, now(), "html")}"`,
      "cache-control": "no-store",
    },
  });
});
