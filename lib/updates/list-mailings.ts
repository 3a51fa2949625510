// What the composer page shows: how many people would get an update now, and each mailing sent so far with its
// progress (messages queued and sent).
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function listMailings(scope: Scope, campaignId: string) {
  const campaign = await scope.campaign(campaignId);
  const recipients = await sql<{ n: number }>`
SELECT count(DISTINCT p.email_key)::int AS n
  FROM (SELECT email_key FROM signature
         WHERE campaign_id = ${campaign.id} AND status = 'confirmed' AND wants_updates AND email_key IS NOT NULL
        UNION ALL
        SELECT email_key FROM letter
         WHERE campaign_id = ${campaign.id} AND status IN ('confirmed', 'held', 'queued', 'delivered')
           AND wants_updates AND email_key IS NOT NULL) p
 WHERE NOT EXISTS (SELECT 1 FROM suppressed_address s WHERE s.email_key = p.email_key)`.execute(db);
  const mailings = await db
    .selectFrom("campaign_mailing as m")
    .leftJoin("campaign_mailing_translation as t", (j) =>
      j.onRef("t.mailing_id", "=", "m.id").on("t.locale", "=", "en"),
    )
    .select([
      "m.id",
      "m.kind",
      "m.milestone",
      "m.created_at as createdAt",
      "m.enqueued_at as enqueuedAt",
      "t.subject",
      sql<number>`(SELECT count(*)::int FROM outbox_message o
                    WHERE o.campaign_id = m.campaign_id AND o.kind IN ('campaign.update', 'campaign.milestone')
                      AND o.payload->>'mailingId' = m.id::text)`.as("queued"),
      sql<number>`(SELECT count(*)::int FROM outbox_message o
                    WHERE o.campaign_id = m.campaign_id AND o.kind IN ('campaign.update', 'campaign.milestone')
                      AND o.payload->>'mailingId' = m.id::text AND o.status = 'sent')`.as("sent"),
    ])
    .where("m.campaign_id", "=", campaign.id)
    .orderBy("m.created_at", "desc")
    .limit(50)
    .execute();
  return { campaign, recipients: recipients.rows[0]?.n ?? 0, mailings };
}
