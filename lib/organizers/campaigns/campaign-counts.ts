// The figures organizers hand to press and partners, for one campaign: confirmed signatures per day, per country,
// per region, letters per topic, and totals. The dashboard and the counts CSV both read this.
import "server-only";
import { pool } from "@/lib/infra/db";

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
};

/** The caller passes a campaign already checked by the scope (lib/organizers/scope). */
export async function campaignCounts(campaign: { id: string; goal: number }, locale: string): Promise<CampaignCounts> {
  const id = campaign.id;
  const [status, letters, perDay, perCountry, perRegion, perTopic] = await Promise.all([
    pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM signature WHERE campaign_id = $1 GROUP BY 1`,
      [id],
    ),
    pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM letter WHERE campaign_id = $1 GROUP BY 1`,
      [id],
    ),
    pool.query<{ day: string; n: number }>(
      `SELECT to_char(confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM signature WHERE campaign_id = $1 AND status = 'confirmed' GROUP BY 1 ORDER BY 1`,
      [id],
    ),
    pool.query<{ country: string; n: number }>(
      `SELECT country, count(*)::int AS n FROM signature WHERE campaign_id = $1 AND status = 'confirmed' GROUP BY 1 ORDER BY 2 DESC, 1`,
      [id],
    ),
    pool.query<{ country: string; region: string; n: number }>(
      `SELECT country, region, count(*)::int AS n FROM signature
        WHERE campaign_id = $1 AND status = 'confirmed' AND region IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      [id],
    ),
    pool.query<{ key: string; title: string | null; n: number }>(
      `SELECT t.key, tt.title, count(l.id)::int AS n
         FROM campaign_topic t
         LEFT JOIN campaign_topic_translation tt ON tt.topic_id = t.id AND tt.locale = $2
         LEFT JOIN letter_topic lt ON lt.topic_id = t.id
         LEFT JOIN letter l ON l.id = lt.letter_id AND l.status IN ('confirmed', 'held', 'queued', 'delivered')
        WHERE t.campaign_id = $1 GROUP BY t.key, tt.title, t.position ORDER BY t.position`,
      [id, locale],
    ),
  ]);
  const by = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const s = by(status.rows);
  return {
    totals: {
      confirmedSignatures: s.confirmed ?? 0,
      pendingSignatures: s.pending ?? 0,
      suspectedSignatures: s.suspected ?? 0,
      invalidatedSignatures: s.invalidated ?? 0,
      letters: by(letters.rows),
      goal: campaign.goal,
    },
    perDay: perDay.rows.map((r) => ({ day: r.day, signatures: r.n })),
    perCountry: perCountry.rows.map((r) => ({ country: r.country, signatures: r.n })),
    perRegion: perRegion.rows.map((r) => ({ country: r.country, region: r.region, signatures: r.n })),
    perTopic: perTopic.rows.map((r) => ({ key: r.key, title: r.title ?? r.key, letters: r.n })),
  };
}
