// Confirms a letter from the token in its email link; confirming twice is harmless. A writer who asked to be
// counted as a signer too gets a confirmed signature in the same transaction (their email address is now
// proven), counted once: an existing confirmed signature is left alone, a pending one is confirmed.
import { randomUUID } from "node:crypto";
import { pool } from "../db";
import { sha256 } from "../crypto";
import { randomShard } from "../signatures/count-shards";

export type ConfirmLetterResult = { status: "confirmed" | "already_confirmed"; campaignId: string; signed: boolean } | { status: "invalid" };

const confirmSql = `
WITH target AS (
  SELECT id, status, campaign_id FROM letter
   WHERE confirm_token_hash = $1 AND (status <> 'pending' OR confirm_token_expires_at > now())
   FOR UPDATE
), l AS (
  UPDATE letter SET status = 'confirmed', confirmed_at = now()
    FROM target WHERE letter.id = target.id AND target.status = 'pending'
  RETURNING letter.*
), s AS (
  INSERT INTO signature AS sig (id, campaign_id, email, email_key, name, country, region, postal_code, show_name, wants_updates,
                               locale, status, confirmed_at)
  SELECT $3::uuid, campaign_id, email, email_key, name, country, region, postal_code, show_name, wants_updates, locale,
         'confirmed', now()
    FROM l WHERE also_sign AND email_key IS NOT NULL
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    status = 'confirmed', confirmed_at = now(), name = EXCLUDED.name, email = EXCLUDED.email, country = EXCLUDED.country,
    region = EXCLUDED.region, postal_code = EXCLUDED.postal_code, show_name = EXCLUDED.show_name,
    wants_updates = EXCLUDED.wants_updates, confirm_token_hash = NULL
  WHERE sig.status = 'pending'
  RETURNING sig.campaign_id
), counted AS (
  INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
  SELECT campaign_id, $2, 1 FROM s
  ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1
)
SELECT target.campaign_id, EXISTS (SELECT 1 FROM l) AS confirmed_now, EXISTS (SELECT 1 FROM s) AS signed FROM target`;

export async function confirmLetter(token: string): Promise<ConfirmLetterResult> {
  if (!token || token.length > 100) return { status: "invalid" };
  const { rows } = await pool.query<{ campaign_id: string; confirmed_now: boolean; signed: boolean }>(confirmSql, [
    sha256(token),
    randomShard(),
    randomUUID(),
  ]);
  const row = rows[0];
  if (!row) return { status: "invalid" };
  return { status: row.confirmed_now ? "confirmed" : "already_confirmed", campaignId: row.campaign_id, signed: row.signed };
}
