import { AppError } from "@/lib/infra/errors";
import { apiRoute, json } from "@/lib/infra/http";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { movedResponse } from "@/lib/campaigns/slug-redirect";

type Context = { params: Promise<{ slug: string }> };

// GET /api/campaigns/[slug]/count – confirmed signatures and the goal; cacheable for a few seconds. An earlier slug
// of a campaign answers a permanent redirect to its current one.
export const GET = apiRoute<Context>("count", async (request, { params }) => {
  const { slug } = await params;
  const count = await signatureCountFor(slug);
  if (!count) {
    const moved = await movedResponse(request, slug);
    if (moved) return moved;
    throw new AppError("campaign_not_found");
  }
  return json(count, { headers: { "cache-control": "public, max-age=5, s-maxage=5, stale-while-revalidate=60" } });
});
