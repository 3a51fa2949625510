import { AppError } from "@/lib/infra/errors";
import { apiRoute, json } from "@/lib/infra/http";
import { signatureCountFor } from "@/lib/campaigns/signature-count";

type Context = { params: Promise<{ slug: string }> };

// GET /api/campaigns/[slug]/count – confirmed signatures and the goal; cacheable for a few seconds.
export const GET = apiRoute<Context>("count", async (_request, { params }) => {
  const { slug } = await params;
  const count = await signatureCountFor(slug);
  if (!count) throw new AppError("campaign_not_found");
  return json(count, { headers: { "cache-control": "public, max-age=5, s-maxage=5, stale-while-revalidate=60" } });
});
