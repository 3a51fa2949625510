// The shape of a campaign's address (`/c/[slug]`), shared by the organizer schema and the public lookups: a slug of
// any other shape names no campaign, so it is answered "not found" without asking the database (which cannot even
// compare text with a NUL in it).

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugLimits = { min: 3, max: 80 } as const;

export function isCampaignSlug(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length >= slugLimits.min &&
    value.length <= slugLimits.max &&
    slugPattern.test(value)
  );
}
