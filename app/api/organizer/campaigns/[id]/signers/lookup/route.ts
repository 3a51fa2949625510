import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { findSigner } from "@/lib/organizers/signers/find-signer";
import { signerLookupInput } from "@/lib/organizers/signers/signer-schema";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/signers/lookup – an editor finds one signer or writer by exact email (in the
// body, so the address stays out of URLs and access logs)
export const POST = organizerRoute<Context>("organizer.signers.lookup", async (request, scope, { params }) => {
  const { email } = await readJson(request, signerLookupInput);
  return json(await findSigner(scope, (await params).id, email));
});
