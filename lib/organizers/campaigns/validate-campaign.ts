import { AppError, type FieldError } from "@/lib/infra/errors";
import { allowedSenderDomains } from "@/lib/infra/mail/sender-domains";
import { campaignFieldErrors, campaignInputFor, type CampaignData } from "./campaign-schema";

/** Parses a campaign or throws a 422 whose fields name each problem by path (messages filled in per language). */
export function validateCampaign(data: unknown): CampaignData {
  const parsed = campaignInputFor(allowedSenderDomains()).safeParse(data);
  if (parsed.success) return parsed.data;
  const fields: Record<string, FieldError> = {};
  for (const [path, code] of Object.entries(campaignFieldErrors(parsed.error))) fields[path] = { code, message: code };
  throw new AppError("validation_failed", undefined, fields);
}
