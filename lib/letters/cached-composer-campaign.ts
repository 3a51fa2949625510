// The letter composer's campaign, through the public pages' data cache (see lib/campaigns/cached-campaign-reads.ts).
import "server-only";
import { cachedCampaignRead } from "@/lib/campaigns/cached-campaign-reads";
import type { Locale } from "@/lib/infra/i18n/config";
import { getComposerCampaign } from "./get-composer-campaign";

export function cachedComposerCampaign(slug: string, locale: Locale) {
  return cachedCampaignRead("composer-campaign", slug, locale, () => getComposerCampaign(slug, locale));
}
