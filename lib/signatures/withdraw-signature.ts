// Withdraws a signature: its row is deleted (name, email, address, comment, IP hash), a confirmed one is
// taken off the count, and its emails lose their recipient; unsent ones are cancelled.
import { withTransaction } from "@/lib/infra/db";
import { randomShard } from "@/lib/campaigns/count-shards";
import { readWithdrawToken } from "./links";

export type WithdrawResult = { status: "withdrawn"; campaignId: string } | { status: "invalid" };

export async function withdrawSignature(token: string): Promise<WithdrawResult> {
  const id = readWithdrawToken(token);
  if (!id) return { status: "invalid" };
  return withTransaction(async (client) => {
    // The relay's answers may quote the address: they go with it.
    await client.query(
      `WITH m AS (
         UPDATE outbox_message
            SET "to" = '', payload = '{}'::jsonb, last_error = NULL, response = NULL, updated_at = now(),
                status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled'::outbox_status ELSE status END
          WHERE signature_id = $1
          RETURNING id
       )
       UPDATE outbox_event SET detail = NULL FROM m WHERE outbox_event.message_id = m.id`,
      [id],
    );
    const { rows } = await client.query<{ campaign_id: string }>(
      `WITH s AS (DELETE FROM signature WHERE id = $1 RETURNING campaign_id, status),
            uncounted AS (
              INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
              SELECT campaign_id, $2, -1 FROM s WHERE status = 'confirmed'
              ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed - 1
            )
       SELECT campaign_id FROM s`,
      [id, randomShard()],
    );
    const row = rows[0];
    return row ? { status: "withdrawn", campaignId: row.campaign_id } : { status: "invalid" };
  });
}
