import { AppError } from "@/lib/infra/errors";
import { apiRoute } from "@/lib/infra/http";
import { isLocale } from "@/lib/infra/i18n/config";
import { cachedPublicCampaign, cachedSignatureCount } from "@/lib/campaigns/cached-campaign-reads";
import { countStep } from "@/lib/campaigns/preview-image-path";
import { previewImage } from "@/lib/campaigns/render-preview-image";
import { movedResponse } from "@/lib/campaigns/slug-redirect";

type Context = { params: Promise<{ slug: string }> };

// GET /api/campaigns/[slug]/preview-image?lang=en|ko&v=… – the campaign's link preview (og:image), a 1200×630 PNG.
// The address the pages give (v: the campaign's version and count step) may be kept for a day; any other is
// answered with the current image and kept briefly.
export const GET = apiRoute<Context>("preview-image", async (request, { params }) => {
  const { slug } = await params;
  const lang = new URL(request.url).searchParams.get("lang") ?? "en";
  const locale = isLocale(lang) ? lang : "en";
  const [campaign, count] = await Promise.all([cachedPublicCampaign(slug, locale), cachedSignatureCount(slug)]);
  if (!campaign || !count) {
    const moved = await movedResponse(request, slug);
    if (moved) return moved;
    throw new AppError("campaign_not_found");
  }
  const png = await previewImage(campaign, count.confirmed, locale);
  const current = new URL(request.url).searchParams.get("v") === `${campaign.version}-${countStep(count.confirmed)}`;
  return new Response(png as BodyInit, {
    headers: {
      "content-type": "image/png",
      "cache-control": current
        ? "public, max-age=86400, stale-while-revalidate=604800"
        : "public, max-age=300, stale-while-revalidate=3600",
    },
  });
});
