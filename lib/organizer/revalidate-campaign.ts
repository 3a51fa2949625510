// The public campaign pages read the campaign and its count through Next's data cache (tagged per campaign): after
// an edit, opening or closing, drop those entries so the next view reads the database again.
import { revalidateTag } from "next/cache";
import { campaignCacheTag } from "../campaigns/campaign-cache-tag";

export function revalidateCampaign(slug: string): void {
  try {
    // expire 0: the next view waits for fresh data instead of being served the stale copy (a closed campaign must
    // not keep showing its sign form).
    revalidateTag(campaignCacheTag(slug), { expire: 0 });
  } catch {
    // Outside a Next request (tests, scripts) there is no cache to drop.
  }
}
