// The public signer wall of a campaign: its newest confirmed signers who chose to be shown (./wall-rule.ts), each as
// they chose to appear (lib/delivery/appear-as.ts), with their reason once an organizer approved it. Never an email
// address, a postal code or a reason that was not approved. Read through the campaign's data cache
// (./cached-signer-wall.ts), so a page view costs no query.
import "server-only";
import { db } from "@/lib/infra/db";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { appearAs } from "@/lib/delivery/appear-as";
import { onTheWall, wallMaxPage, wallPageSize } from "./wall-rule";

export type WallSigner = {
  /** The full name or initials ("J. D.", "김○○"), as the signer chose. */
  name: string;
  /** The region's code (shown only with a full name); the page names it in its language. */
  region: string | null;
  country: string;
  /** The day they confirmed, YYYY-MM-DD (UTC). */
  confirmedOn: string;
  /** Their answer to "Why are you signing?", only once an organizer approved it. */
  reason: string | null;
};

export type SignerWall = { page: number; signers: WallSigner[]; hasMore: boolean };

/** One page (1-based) of the wall, newest first; null for a campaign that is not public. */
export async function readSignerWall(slug: string, page: number): Promise<SignerWall | null> {
  if (!isCampaignSlug(slug) || !Number.isInteger(page) || page < 1 || page > wallMaxPage) return null;
  const campaign = await db
    .selectFrom("campaign")
    .select(["id"])
    .where("slug", "=", slug)
    .where("status", "<>", "draft")
    .executeTakeFirst();
  if (!campaign) return null;
  const rows = await db
    .selectFrom("signature as s")
    .select(["s.name", "s.appearance", "s.region", "s.country", "s.confirmed_at", "s.comment", "s.comment_review"])
    .where("s.campaign_id", "=", campaign.id)
    .where(onTheWall)
    .orderBy("s.confirmed_at", "desc")
    .orderBy("s.id", "desc")
    .offset((page - 1) * wallPageSize)
    .limit(wallPageSize + 1)
    .execute();
  const signers: WallSigner[] = [];
  for (const row of rows.slice(0, wallPageSize)) {
    const shown = appearAs({ appearance: row.appearance, name: row.name, region: row.region, country: row.country });
    if (shown.appearance === "counted") continue;
    const reason = row.comment_review === "approved" ? row.comment?.trim() || null : null;
    signers.push({
      name: shown.name,
      region: shown.appearance === "full" ? (shown.region ?? null) : null,
      country: shown.country,
      confirmedOn: (row.confirmed_at ?? new Date(0)).toISOString().slice(0, 10),
      reason,
    });
  }
  return { page, signers, hasMore: rows.length > wallPageSize };
}
