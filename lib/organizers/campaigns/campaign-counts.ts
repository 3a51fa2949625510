// The figures organizers hand to press and partners, for one campaign: confirmed signatures per day, per country,
// per region, letters per topic, confirmed signatures and letters per source code, and totals. The dashboard and the
// counts CSV both read this.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";

export type CampaignCounts = {
  totals: {
    confirmedSignatures: number;
    pendingSignatures: number;
    /** Caught by an abuse check, and struck out by an organizer: stored, never counted. */
    suspectedSignatures: number;
    invalidatedSignatures: number;
    letters: Record<string, number>;
    goal: number;
  };
  perDay: { day: string; signatures: number }[];
  perCountry: { country: string; signatures: number }[];
  perRegion: { country: string; region: string; signatures: number }[];
  perTopic: { key: string; title: string; letters: number }[];
  /** By the `?source=` code supporters came with; `source: null` is everyone who came without one. */
  perSource: { source: string | null; signatures: number; letters: number }[];
};

const confirmedLetter = ["confirmed", "held", "queued", "delivered"] as const;

/** A letter's status as organizers see it: "undelivered" while the email that carries it failed or was cancelled. */
export const undeliveredOr = sql<string>`CASE WHEN l.status = 'queued' AND m.status IN ('failed', 'cancelled') THEN 'undelivered' ELSE l.status::text END`;

/** The caller passes a campaign already checked by the scope (lib/organizers/scope). */
export async function campaignCounts(campaign: { id: string; goal: number }, locale: string): Promise<CampaignCounts> {
  const id = campaign.id;
  const n = sql<number>`count(*)::int`.as("n");
  const confirmed = db.selectFrom("signature").where("campaign_id", "=", id).where("status", "=", "confirmed");
  const [status, letters, perDay, perCountry, perRegion, perTopic, signatureSources, letterSources] = await Promise.all(
    [
      db
        .selectFrom("signature")
        .select([sql<string>`status::text`.as("status"), n])
        .where("campaign_id", "=", id)
        .groupBy("status")
        .execute(),
      // A letter whose delivery failed or was cancelled is "undelivered", never shown as queued.
      db
        .selectFrom("letter as l")
        .leftJoin("outbox_message as m", "m.id", "l.delivery_message_id")
        .select([sql<string>`${undeliveredOr}`.as("status"), n])
        .where("l.campaign_id", "=", id)
        .groupBy(undeliveredOr)
        .execute(),
      confirmed
        .select([sql<string>`to_char(confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`.as("day"), n])
        .groupBy("day")
        .orderBy("day")
        .execute(),
      confirmed.select(["country", n]).groupBy("country").orderBy("n", "desc").orderBy("country").execute(),
      confirmed
        .select(["country", "region", n])
        .where("region", "is not", null)
        .groupBy(["country", "region"])
        .orderBy("n", "desc")
        .orderBy("country")
        .orderBy("region")
        .$narrowType<{ region: string }>()
        .execute(),
      db
        .selectFrom("campaign_topic as t")
        .leftJoin("campaign_topic_translation as tt", (join) =>
          join.onRef("tt.topic_id", "=", "t.id").on("tt.locale", "=", locale),
        )
        .leftJoin("letter_topic as lt", "lt.topic_id", "t.id")
        .leftJoin("letter as l", (join) =>
          join.onRef("l.id", "=", "lt.letter_id").on("l.status", "in", confirmedLetter),
        )
        .select(["t.key", "tt.title", sql<number>`count(l.id)::int`.as("n")])
        .where("t.campaign_id", "=", id)
        .groupBy(["t.key", "tt.title", "t.position"])
        .orderBy("t.position")
        .execute(),
      confirmed.select(["source", n]).groupBy("source").execute(),
      db
        .selectFrom("letter")
        .select(["source", n])
        .where("campaign_id", "=", id)
        .where("status", "in", confirmedLetter)
        .groupBy("source")
        .execute(),
    ],
  );
  const by = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const s = by(status);
  return {
    totals: {
      confirmedSignatures: s.confirmed ?? 0,
      pendingSignatures: s.pending ?? 0,
      suspectedSignatures: s.suspected ?? 0,
      invalidatedSignatures: s.invalidated ?? 0,
      letters: by(letters),
      goal: campaign.goal,
    },
    perDay: perDay.map((r) => ({ day: r.day, signatures: r.n })),
    perCountry: perCountry.map((r) => ({ country: r.country, signatures: r.n })),
    perRegion: perRegion.map((r) => ({ country: r.country, region: r.region, signatures: r.n })),
    perTopic: perTopic.map((r) => ({ key: r.key, title: r.title ?? r.key, letters: r.n })),
    perSource: bySource(signatureSources, letterSources),
  };
}

type SourceRow = { source: string | null; n: number };

/** Signatures and letters side by side per source: most signatures first, then most letters, then by name. */
function bySource(signatures: SourceRow[], letters: SourceRow[]): CampaignCounts["perSource"] {
  const rows = new Map<string | null, { source: string | null; signatures: number; letters: number }>();
  const row = (source: string | null) =>
    rows.get(source) ?? rows.set(source, { source, signatures: 0, letters: 0 }).get(source)!;
  for (const r of signatures) row(r.source).signatures = r.n;
  for (const r of letters) row(r.source).letters = r.n;
  return [...rows.values()].sort(
    (a, b) => b.signatures - a.signatures || b.letters - a.letters || (a.source ?? "").localeCompare(b.source ?? ""),
  );
}
