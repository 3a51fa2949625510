import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { eraseCampaignSigner } from "@/lib/organizers/signers/erase-campaign-signer";
import { signerLookupInput } from "@/lib/organizers/signers/signer-schema";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/signers/erase – an editor erases one person's signature and letter, as their
// own withdraw link would
export const POST = organizerRoute<Context>("organizer.signers.erase", async (request, scope, { params }) => {
  const { email } = await readJson(request, signerLookupInput);
  return json(await eraseCampaignSigner(scope, (await params).id, email));
});
