import { AppError } from "@/lib/infra/errors";

/** Why a campaign took no submission: it does not exist (a draft shows to nobody), or it is closed or not yet open. */
export function unavailableCampaign(status: string | null): AppError {
  return new AppError(status === null || status === "draft" ? "campaign_not_found" : "campaign_closed");
}
