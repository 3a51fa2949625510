// An editor erases one person from a campaign at their request: the same erasure as the person's own withdraw link
// (lib/privacy/erase-signer), then a line in the audit log that counts what went and never names the person.
import "server-only";
import { transaction } from "@/lib/infra/db";
import { eraseSigner, type SignerErasure } from "@/lib/privacy/erase-signer";
import { revalidateCampaign } from "../campaigns/revalidate-campaign";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";

export async function eraseCampaignSigner(scope: Scope, campaignId: string, email: string): Promise<SignerErasure> {
  requireRole(scope.organizer, "editor");
  const campaign = await scope.campaign(campaignId);
  const erasure = await eraseSigner(campaign.id, email);
  await transaction((trx) =>
    recordAudit(trx, scope, "signer.erased", { id: campaign.id, label: campaign.slug }, { ...erasure }),
  );
  if (erasure.signatures + erasure.letters > 0) revalidateCampaign(campaign.slug);
  return erasure;
}
