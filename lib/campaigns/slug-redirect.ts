// A campaign's earlier addresses (campaign_slug_redirect): links already shared — its page, the count widget, the
// count JSON and the link preview image — keep working after its slug changes, with a permanent redirect to the
// current slug. Read through the data cache like the campaign itself, dropped with the old slug's tag.
import "server-only";
import { permanentRedirect } from "next/navigation";
import { db } from "@/lib/infra/db";
import { cachedCampaignRead } from "./cached-campaign-reads";
import { isCampaignSlug } from "./slug";

/**
 * The current slug of the campaign that once had `slug`, or null when no campaign ever moved from it. A draft's
 * addresses lead nowhere: its earlier address must not tell anyone what it is called now.
 */
export async function movedSlugFor(slug: string): Promise<string | null> {
  if (!isCampaignSlug(slug)) return null;
  const row = await db
    .selectFrom("campaign_slug_redirect as r")
    .innerJoin("campaign as c", "c.id", "r.campaign_id")
    .select("c.slug")
    .where("r.slug", "=", slug)
    .where("c.status", "!=", "draft")
    .executeTakeFirst();
  return row && row.slug !== slug ? row.slug : null;
}

export function cachedMovedSlug(slug: string): Promise<string | null> {
  return cachedCampaignRead("moved-slug", slug, "", () => movedSlugFor(slug));
}

/** The same address with the old slug segment replaced by the current one, query string kept. */
export function movedUrl(url: URL, oldSlug: string, slug: string): string {
  const path = url.pathname
    .split("/")
    .map((part) => (part === oldSlug ? slug : part))
    .join("/");
  return `${path}${url.search}`;
}

/** For a page under a slug that names no campaign: a permanent redirect to where the campaign lives now, if it moved. */
export async function redirectIfMoved(slug: string, to: (current: string) => string): Promise<void> {
  const moved = await cachedMovedSlug(slug);
  if (moved) permanentRedirect(to(moved));
}

/**
 * For an API route: the 308 answer to the current slug's address, or null when the slug never moved. Read directly
 * (one primary-key lookup), as the count route reads the campaign itself.
 */
export async function movedResponse(request: Request, slug: string): Promise<Response | null> {
  const moved = await movedSlugFor(slug);
  if (!moved) return null;
  return new Response(null, {
    status: 308,
    headers: { location: movedUrl(new URL(request.url), slug, moved), "cache-control": "public, max-age=300" },
  });
}
