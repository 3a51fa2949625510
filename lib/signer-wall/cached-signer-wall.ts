// The wall through the campaign's data cache, like the count (lib/campaigns/cached-campaign-reads.ts): it expires
// within a minute, and an organizer's decision on a reason, an edit or a strike-out drops it at once.
import "server-only";
import { cachedCampaignRead } from "@/lib/campaigns/cached-campaign-reads";
import { readSignerWall } from "./read-signer-wall";

export function cachedSignerWall(slug: string, page: number) {
  return cachedCampaignRead(`signer-wall:${page}`, slug, "", () => readSignerWall(slug, page));
}
