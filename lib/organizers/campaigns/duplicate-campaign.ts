// A new draft from an existing campaign: its texts and topics in both languages and its settings (goal, target,
// sender, delivery, risk, digest interval, throttle, letter hold), under a new address, with no signers, letters or
// dates (an opening or closing date of the original would rarely fit the copy). Recorded in the audit log.
import "server-only";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { Scope } from "../scope";
import { getCampaignForEdit } from "./get-campaign-for-edit";
import { createCampaign } from "./save-campaign";
import { validateCampaign } from "./validate-campaign";
import { slugLimits } from "@/lib/campaigns/slug";

/** `slug-copy`, `slug-copy-2`, … trimmed so that the suffix always fits. */
export function copySlug(slug: string, attempt: number): string {
  const suffix = attempt === 1 ? "-copy" : `-copy-${attempt}`;
  return `${slug.slice(0, slugLimits.max - suffix.length).replace(/-+$/, "")}${suffix}`;
}

export async function duplicateCampaign(scope: Scope, id: string): Promise<{ id: string; slug: string }> {
  const original = await getCampaignForEdit(scope, id);
  requireRole(scope.organizer, "editor");
  const base = { ...original.input, holdUntil: "", opensAt: "", closesAt: "" };
  for (let attempt = 1; attempt <= 20; attempt++) {
    const data = validateCampaign({ ...base, slug: copySlug(original.input.slug, attempt) });
    try {
      return await createCampaign(scope, data, (trx, copy) =>
        recordAudit(
          trx,
          scope,
          "campaign.duplicated",
          { id: copy.id, label: copy.slug },
          { campaignId: original.id, copyId: copy.id, from: original.input.slug },
        ),
      );
    } catch (err) {
      // The address is someone's already (a campaign, or an earlier address that redirects): try the next one.
      if (err instanceof AppError && err.fields?.slug?.code === "slug_taken") continue;
      throw err;
    }
  }
  throw new AppError("conflict");
}
