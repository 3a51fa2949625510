// Confirms a letter from the token in its email link; confirming twice is harmless. A writer who asked to be
// counted as a signer too gets a confirmed signature in the same statement (their email address is now proven),
// counted once: an existing confirmed signature is left alone, a pending one is confirmed. That signature gets the
// letter's own confirmed_at, which is how withdrawing the letter finds it (withdraw-letter.ts). The answer says when
// the letter leaves: its cooling-off hold after confirmation (letter-hold.ts).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";
import { db } from "@/lib/infra/db";
import { randomShard } from "@/lib/campaigns/count-shards";
import { holdRules } from "@/lib/integrity/moderation/hold-rules";
import { letterLeavesAt } from "./letter-hold";

export type ConfirmLetterResult =
  | { status: "confirmed" | "already_confirmed"; campaignId: string; signed: boolean; leavesAt: Date | null }
  | { status: "invalid" };

function confirmStatement(tokenHash: Buffer, at: Date) {
  const { maxLinks, nearCopies } = holdRules;
  return sql<{
    campaign_id: string;
    confirmed_now: boolean;
    signed: boolean;
    status: string;
    confirmed_at: Date | null;
    hold_hours: number | null;
  }>`
WITH target AS (
  SELECT id, status, campaign_id, confirmed_at FROM letter
   WHERE confirm_token_hash = ${tokenHash} AND (status <> 'pending' OR confirm_token_expires_at > ${at})
   FOR UPDATE
), facts AS (
  -- Moderation (lib/integrity/moderation/hold-rules): many links, or a near-copy of many other letters, holds the
  -- letter for an organizer's review; the delivery scheduler only takes 'confirmed' letters.
  SELECT x.id, fp.value AS fingerprint,
         (SELECT count(*) FROM regexp_matches(x.body, '(https?://|www\\.)', 'gi')) AS links,
         (SELECT count(*) FROM letter o
           WHERE o.campaign_id = x.campaign_id AND o.body_fingerprint = fp.value AND o.id <> x.id
             AND o.status IN ('confirmed', 'held', 'queued', 'delivered')) AS copies
    FROM target JOIN letter x ON x.id = target.id
   CROSS JOIN LATERAL (SELECT md5(regexp_replace(lower(x.body), '[^[:alnum:]]+', '', 'g')) AS value) fp
   WHERE target.status = 'pending'
), l AS (
  UPDATE letter SET confirmed_at = ${at}, body_fingerprint = facts.fingerprint,
         status = CASE WHEN facts.links > ${maxLinks} OR (${nearCopies} > 0 AND facts.copies >= ${nearCopies})
                       THEN 'held'::letter_status ELSE 'confirmed'::letter_status END,
         held_reason = CASE WHEN facts.links > ${maxLinks} THEN 'links'
                            WHEN ${nearCopies} > 0 AND facts.copies >= ${nearCopies} THEN 'near_copy' END
    FROM target JOIN facts ON facts.id = target.id WHERE letter.id = target.id AND target.status = 'pending'
  RETURNING letter.*
), s AS (
  INSERT INTO signature AS sig (id, campaign_id, email, email_key, name, country, region, postal_code, show_name,
                               appearance, wants_updates, locale, status, confirmed_at, source)
  SELECT ${randomUUID()}::uuid, campaign_id, email, email_key, name, country, region, postal_code, show_name,
         appearance, wants_updates, locale, 'confirmed', ${at}, source
    FROM l WHERE also_sign AND email_key IS NOT NULL
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    status = 'confirmed', confirmed_at = ${at}, name = EXCLUDED.name, email = EXCLUDED.email,
    country = EXCLUDED.country, region = EXCLUDED.region, postal_code = EXCLUDED.postal_code,
    show_name = EXCLUDED.show_name, appearance = EXCLUDED.appearance, wants_updates = EXCLUDED.wants_updates, confirm_token_hash = NULL
  WHERE sig.status = 'pending'
  RETURNING sig.campaign_id
), counted AS (
  INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
  SELECT campaign_id, ${randomShard()}, 1 FROM s
  ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1
)
SELECT target.campaign_id, EXISTS (SELECT 1 FROM l) AS confirmed_now, EXISTS (SELECT 1 FROM s) AS signed,
       target.status::text AS status, COALESCE(target.confirmed_at, ${at}) AS confirmed_at,
       (SELECT letter_hold_hours FROM campaign WHERE id = target.campaign_id) AS hold_hours
  FROM target`;
}

export async function confirmLetter(token: string): Promise<ConfirmLetterResult> {
  if (!token || token.length > 100) return { status: "invalid" };
  const { rows } = await confirmStatement(sha256(token), now()).execute(db);
  const row = rows[0];
  if (!row) return { status: "invalid" };
  // Already on its way or delivered: there is no moment left to name.
  const waiting = row.confirmed_now || ["confirmed", "held"].includes(row.status);
  return {
    status: row.confirmed_now ? "confirmed" : "already_confirmed",
    campaignId: row.campaign_id,
    signed: row.signed,
    leavesAt: waiting && row.confirmed_at ? letterLeavesAt(new Date(row.confirmed_at), row.hold_hours) : null,
  };
}
