// Confirms a signature from the token in its email link. Confirming twice is harmless and counts once.
import { pool } from "@/lib/infra/db";
import { sha256 } from "@/lib/infra/crypto";
import { randomShard } from "@/lib/campaigns/count-shards";

export type ConfirmResult = { status: "confirmed" | "already_confirmed"; campaignId: string } | { status: "invalid" };

const confirmSql = `
WITH target AS (
  SELECT id, status, campaign_id FROM signature
   WHERE confirm_token_hash = $1 AND (status = 'confirmed' OR confirm_token_expires_at > now())
   FOR UPDATE
), s AS (
  UPDATE signature SET status = 'confirmed', confirmed_at = now()
    FROM target WHERE signature.id = target.id AND target.status = 'pending'
  RETURNING signature.campaign_id
), counted AS (
  INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
  SELECT campaign_id, $2, 1 FROM s
  ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1
)
SELECT target.campaign_id, EXISTS (SELECT 1 FROM s) AS confirmed_now FROM target`;

export async function confirmSignature(token: string): Promise<ConfirmResult> {
  if (!token || token.length > 100) return { status: "invalid" };
  const { rows } = await pool.query<{ campaign_id: string; confirmed_now: boolean }>(confirmSql, [
    sha256(token),
    randomShard(),
  ]);
  const row = rows[0];
  if (!row) return { status: "invalid" };
  return { status: row.confirmed_now ? "confirmed" : "already_confirmed", campaignId: row.campaign_id };
}
