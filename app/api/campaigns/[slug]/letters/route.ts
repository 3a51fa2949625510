import { apiRoute, json, readJson } from "@/lib/infra/http";
import { clientIp } from "@/lib/infra/request-ip";
import { letterBodyLimit, letterInput } from "@/lib/letters/schema";
import { submitLetter } from "@/lib/letters/submit-letter";

type Context = { params: Promise<{ slug: string }> };

// POST /api/campaigns/[slug]/letters – send a personal letter to the campaign's target; it is delivered once confirmed by email.
// The answer is the same whether or not the address had written before: only the email to it says so.
export const POST = apiRoute<Context>("letter", async (request, { params }) => {
  const { slug } = await params;
  const input = await readJson(request, letterInput, letterBodyLimit);
  await submitLetter(slug, input, { ip: clientIp(request.headers) });
  return json({ status: "pending_confirmation" }, { status: 202 });
});
