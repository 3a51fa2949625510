// A campaign's timeline and deadline: for the public page (the reader's language, else the campaign's default) and
// for the editor (both languages). Dates travel as ISO strings: the public read goes through Next's data cache.
import { db } from "@/lib/infra/db";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import type { EventKind } from "./schema";

export type TimelineEntry = { id: string; kind: EventKind; happenedOn: string; text: string };
export type PublicTimeline = { deadline: string | null; events: TimelineEntry[] };

async function eventsOf(campaignId: string) {
  const events = await db
    .selectFrom("campaign_event")
    .select(["id", "kind", "happened_on"])
    .where("campaign_id", "=", campaignId)
    .orderBy("happened_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
  const texts = events.length
    ? await db
        .selectFrom("campaign_event_translation")
        .select(["event_id", "locale", "text"])
        .where(
          "event_id",
          "in",
          events.map((e) => e.id),
        )
        .execute()
    : [];
  return events.map((e) => ({
    id: e.id,
    kind: e.kind as EventKind,
    happenedOn: e.happened_on.toISOString().slice(0, 10),
    texts: texts.filter((t) => t.event_id === e.id),
  }));
}

/** The public page's timeline: null for a draft or an unknown campaign. */
export async function getPublicTimeline(slug: string, locale: string): Promise<PublicTimeline | null> {
  if (!isCampaignSlug(slug)) return null;
  const campaign = await db
    .selectFrom("campaign")
    .select(["id", "deadline", "default_locale"])
    .where("slug", "=", slug)
    .where("status", "<>", "draft")
    .executeTakeFirst();
  if (!campaign) return null;
  const events = await eventsOf(campaign.id);
  return {
    deadline: campaign.deadline?.toISOString() ?? null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      happenedOn: e.happenedOn,
      text: pickTranslation(e.texts, locale, campaign.default_locale)?.text ?? "",
    })),
  };
}

/** The editor's view: every entry with both texts, and the deadline. */
export async function getTimelineForEdit(campaignId: string) {
  const campaign = await db
    .selectFrom("campaign")
    .select(["deadline"])
    .where("id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const events = await eventsOf(campaignId);
  return {
    deadline: campaign.deadline,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      happenedOn: e.happenedOn,
      textEn: e.texts.find((t) => t.locale === "en")?.text ?? "",
      textKo: e.texts.find((t) => t.locale === "ko")?.text ?? "",
    })),
  };
}
