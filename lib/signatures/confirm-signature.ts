// Confirms a signature from the token in its email link. Confirming twice is harmless and counts once. The link's
// expiry is read against the app's clock (lib/infra/clock.ts), so a test moves time instead of waiting for it.
import { sql } from "kysely";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";
import { db } from "@/lib/infra/db";
import { randomShard } from "@/lib/campaigns/count-shards";

export type ConfirmResult = { status: "confirmed" | "already_confirmed"; campaignId: string } | { status: "invalid" };

function confirmStatement(tokenHash: Buffer, at: Date) {
  return sql<{ campaign_id: string; confirmed_now: boolean }>`
WITH target AS (
  SELECT id, status, campaign_id FROM signature
   WHERE confirm_token_hash = ${tokenHash} AND (status = 'confirmed' OR confirm_token_expires_at > ${at})
   FOR UPDATE
), s AS (
  UPDATE signature SET status = 'confirmed', confirmed_at = ${at}
    FROM target WHERE signature.id = target.id AND target.status = 'pending'
  RETURNING signature.campaign_id
), counted AS (
  INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
  SELECT campaign_id, ${randomShard()}, 1 FROM s
  ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1
)
SELECT target.campaign_id, EXISTS (SELECT 1 FROM s) AS confirmed_now FROM target`;
}

export async function confirmSignature(token: string): Promise<ConfirmResult> {
  if (!token || token.length > 100) return { status: "invalid" };
  const { rows } = await confirmStatement(sha256(token), now()).execute(db);
  const row = rows[0];
  if (!row) return { status: "invalid" };
  return { status: row.confirmed_now ? "confirmed" : "already_confirmed", campaignId: row.campaign_id };
}
