// The public campaign pages are rendered per request (their CSP nonce differs each time), but what they show comes
// from Next's data cache: a page view does not touch the database, and costs the same at any number of signatures.
// Entries expire after a minute (a campaign's dates and count may move on their own) or when an organizer changes
// the campaign (campaignCacheTag). A missing campaign is cached too, so unknown slugs cannot hammer the database.
import "server-only";
import { unstable_cache } from "next/cache";
import type { Locale } from "@/lib/infra/i18n/config";
import { signatureCountFor } from "./signature-count";
import { campaignCacheTag } from "./campaign-cache-tag";
import { getPublicCampaign } from "./get-public-campaign";

const revalidate = 60;

/** A read of one campaign's public data through the data cache, dropped with the campaign's tag. */
export function cachedCampaignRead<T>(
  key: string,
  slug: string,
  locale: Locale | "",
  read: () => Promise<T>,
): Promise<T> {
  return unstable_cache(read, [key, slug, locale], { tags: [campaignCacheTag(slug)], revalidate })();
}

export function cachedPublicCampaign(slug: string, locale: Locale) {
  return cachedCampaignRead("public-campaign", slug, locale, () => getPublicCampaign(slug, locale));
}

export function cachedSignatureCount(slug: string) {
  return cachedCampaignRead("signature-count", slug, "", () => signatureCountFor(slug));
}
