// Milestones fire by themselves: each worker tick writes a mailing row for every goal share a campaign's count has
// crossed (25 %, 50 %, 100 %) and for its first delivery that reached the target. The row is unique per campaign and
// milestone, so however many workers run this at once, each milestone is written (and mailed) once. A count that
// crossed several shares since the last tick mails only the highest; the lower ones are recorded as done.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";
import { goalMilestones } from "./milestones";

/** Writes the milestones crossed since the last run; returns the ones to be mailed (campaign id, milestone). */
export async function fireMilestones(): Promise<{ campaignId: string; milestone: string }[]> {
  const at = now();
  const shares = sql.join(goalMilestones.map((m, rank) => sql`(${String(m)}, ${m}::int, ${rank}::int)`));
  const { rows } = await sql<{ campaign_id: string; milestone: string; mailed: boolean }>`
WITH live AS (
  SELECT c.id, c.goal,
         COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = c.id), 0) AS confirmed
    FROM campaign c
   WHERE c.status <> 'draft' AND c.anonymised_at IS NULL
), crossed AS (
  SELECT live.id AS campaign_id, m.milestone, m.rank
    FROM live CROSS JOIN (VALUES ${shares}) AS m(milestone, share, rank)
   WHERE live.goal > 0 AND live.confirmed * 100 >= live.goal::bigint * m.share
  UNION ALL
  SELECT live.id, 'delivered', 0 FROM live
   WHERE EXISTS (SELECT 1 FROM outbox_message o
                  WHERE o.campaign_id = live.id AND o.kind = ANY(${kindsOf("delivery")}::text[]) AND o.status = 'sent')
), fresh AS (
  SELECT crossed.*, rank = max(rank) OVER (PARTITION BY campaign_id, milestone = 'delivered') AS highest
    FROM crossed
   WHERE NOT EXISTS (SELECT 1 FROM campaign_mailing x
                      WHERE x.campaign_id = crossed.campaign_id AND x.milestone = crossed.milestone)
)
INSERT INTO campaign_mailing (id, campaign_id, kind, milestone, created_at, enqueued_at)
SELECT gen_random_uuid(), campaign_id, 'milestone', milestone, ${at},
       CASE WHEN highest THEN NULL ELSE ${at}::timestamptz END
  FROM fresh
ON CONFLICT (campaign_id, milestone) DO NOTHING
RETURNING campaign_id, milestone, enqueued_at IS NULL AS mailed`.execute(db);
  return rows.filter((r) => r.mailed).map((r) => ({ campaignId: r.campaign_id, milestone: r.milestone }));
}
