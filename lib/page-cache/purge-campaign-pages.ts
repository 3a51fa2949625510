// Drops this process's cached copies of a campaign's pages, when an organizer changes it: the next view renders
// it anew. Other servers' copies expire within PAGE_CACHE_SECONDS (as their data cache does within a minute).
import { locales } from "../i18n/config";
import { pageStore } from "./page-store";

export function purgeCampaignPages(slug: string): void {
  const { pages, failedAt, purgedAt } = pageStore();
  const now = Date.now();
  for (const locale of locales) {
    for (const path of [`/${locale}/c/${slug}`, `/${locale}/c/${slug}/write`, `/embed/${locale}/${slug}`]) {
      pages.delete(path);
      failedAt.delete(path);
      purgedAt.set(path, now);
    }
  }
}
