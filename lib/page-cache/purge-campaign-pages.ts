// Drops this process's cached copies of a campaign's pages, when an organizer changes it: the next view renders
// it anew. Other servers' copies expire within PAGE_CACHE_SECONDS (as their data cache does within a minute).
import { campaignPagePaths } from "./cacheable-page";
import { pageStore } from "./page-store";

export function purgeCampaignPages(slug: string): void {
  const { pages, failedAt, purgedAt } = pageStore();
  const now = Date.now();
  for (const path of campaignPagePaths(slug)) {
    pages.delete(path);
    failedAt.delete(path);
    purgedAt.set(path, now);
  }
}
