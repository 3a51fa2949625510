// The public campaign pages read the campaign and its count through Next's data cache (tagged per campaign), and
// proxy.ts serves copies of them (lib/page-cache): after an edit, opening or closing, drop both so the next view
// reads the database again.
import { revalidateTag } from "next/cache";
import { campaignCacheTag } from "@/lib/campaigns/campaign-cache-tag";
import { purgeCampaignPages } from "@/lib/page-cache/purge-campaign-pages";
import { forgetPreviewImages } from "@/lib/campaigns/render-preview-image";

export function revalidateCampaign(slug: string): void {
  purgeCampaignPages(slug);
  forgetPreviewImages(slug);
  try {
    // expire 0: the next view waits for fresh data instead of being served the stale copy (a closed campaign must
    // not keep showing its sign form).
    revalidateTag(campaignCacheTag(slug), { expire: 0 });
  } catch {
    // Outside a Next request (tests, scripts) there is no cache to drop.
  }
}
