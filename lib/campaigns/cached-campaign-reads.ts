// The public campaign pages are rendered per request (their CSP nonce differs each time), but what they show comes
// from Next's data cache: a page view does not touch the database, and costs the same at any number of signatures.
// Entries expire after a minute (a campaign's dates and count may move on their own) or when an organizer changes
// the campaign (campaignCacheTag). A missing campaign is cached too, so unknown slugs cannot hammer the database.
import "server-only";
import { unstable_cache } from "next/cache";
import type { Locale } from "../i18n/config";
import { getComposerCampaign } from "../letters/get-composer-campaign";
import { signatureCountFor } from "../signatures/signature-count";
import { campaignCacheTag } from "./campaign-cache-tag";
import { getPublicCampaign } from "./get-public-campaign";

const revalidate = 60;

function cached<T>(key: string, slug: string, locale: Locale | "", read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, [key, slug, locale], { tags: [campaignCacheTag(slug)], revalidate })();
}

export function cachedPublicCampaign(slug: string, locale: Locale) {
  return cached("public-campaign", slug, locale, () => getPublicCampaign(slug, locale));
}

export function cachedComposerCampaign(slug: string, locale: Locale) {
  return cached("composer-campaign", slug, locale, () => getComposerCampaign(slug, locale));
}

export function cachedSignatureCount(slug: string) {
  return cached("signature-count", slug, "", () => signatureCountFor(slug));
}
