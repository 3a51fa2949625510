import { apiRoute, json, readJson } from "@/lib/infra/http";
import { clientIp } from "@/lib/infra/request-ip";
import { signatureInput } from "@/lib/signatures/schema";
import { signPetition } from "@/lib/signatures/sign-petition";

type Context = { params: Promise<{ slug: string }> };

// POST /api/campaigns/[slug]/signatures – sign a campaign's open letter; the signature counts once confirmed by email.
// The answer is the same whether or not the address had signed before: only the email to it says so.
export const POST = apiRoute<Context>("sign", async (request, { params }) => {
  const { slug } = await params;
  const input = await readJson(request, signatureInput);
  await signPetition(slug, input, { ip: clientIp(request.headers) });
  return json({ status: "pending_confirmation" }, { status: 202 });
});
