// The data-cache tag of everything the public pages of one campaign read, so that an organizer's edit, opening or
// closing refreshes them at once (lib/organizers/campaigns/revalidate-campaign.ts).

export function campaignCacheTag(slug: string): string {
  return `campaign:${slug}`;
}
