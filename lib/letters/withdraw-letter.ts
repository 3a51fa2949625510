// Withdraws a letter that has not left yet (pending or confirmed): its row keeps only its status, dates, language
// and topics (for counts); the writer's name, email, address, IP hash and the text itself are scrubbed, and its
// unsent emails are cancelled. A signature that the letter's confirmation recorded (same moment, same person) is
// withdrawn with it. A letter already queued or delivered cannot be called back (the answer says so), but that
// signature is still withdrawn.
import type pg from "pg";
import { withTransaction } from "@/lib/infra/db";
import { randomShard } from "@/lib/campaigns/count-shards";
import { readLetterWithdrawToken } from "./links";

export type WithdrawLetterResult =
  | { status: "withdrawn"; campaignId: string }
  | { status: "on_its_way" | "delivered"; campaignId: string }
  | { status: "invalid" };

export async function withdrawLetter(token: string): Promise<WithdrawLetterResult> {
  const id = readLetterWithdrawToken(token);
  if (!id) return { status: "invalid" };
  return withTransaction(async (client) => {
    const { rows } = await client.query<{
      status: string;
      campaign_id: string;
      email_key: string | null;
      confirmed_at: Date | null;
    }>(`SELECT status::text, campaign_id, email_key, confirmed_at FROM letter WHERE id = $1 FOR UPDATE`, [id]);
    const letter = rows[0];
    if (!letter || letter.status === "withdrawn") {
      return { status: "invalid" };
    }
    if (letter.status === "queued" || letter.status === "delivered") {
      // The letter cannot be called back, but the signature it added can still be taken off.
      await withdrawCompanionSignature(client, letter);
      return { status: letter.status === "queued" ? "on_its_way" : "delivered", campaignId: letter.campaign_id };
    }
    // The relay's answers may quote the address: they go with it.
    await client.query(
      `WITH m AS (
         UPDATE outbox_message
            SET "to" = '', payload = '{}'::jsonb, last_error = NULL, response = NULL, updated_at = now(),
                status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled'::outbox_status ELSE status END
          WHERE letter_id = $1 AND kind LIKE 'letter.%'
          RETURNING id
       )
       UPDATE outbox_event SET detail = NULL FROM m WHERE outbox_event.message_id = m.id`,
      [id],
    );
    await client.query(
      `UPDATE letter
          SET status = 'withdrawn', withdrawn_at = now(), email = NULL, email_key = NULL, name = '', street = NULL, city = NULL,
              region = NULL, postal_code = NULL, country = 'ZZ', subject = '', body = '', body_fingerprint = NULL, writer_role = NULL, show_name = false,
              wants_updates = false, ip_hash = NULL, confirm_token_hash = NULL, confirm_token_expires_at = NULL
        WHERE id = $1`,
      [id],
    );
    await withdrawCompanionSignature(client, letter);
    return { status: "withdrawn", campaignId: letter.campaign_id };
  });
}

type LockedLetter = { status: string; campaign_id: string; email_key: string | null; confirmed_at: Date | null };

/** The signature this letter's confirmation recorded ("count me as a signer too"): confirmed in the same statement. */
async function withdrawCompanionSignature(client: pg.PoolClient, letter: LockedLetter): Promise<void> {
  if (letter.status === "pending" || !letter.email_key || !letter.confirmed_at) return;
  await client.query(
    `WITH s AS (
       DELETE FROM signature WHERE campaign_id = $1 AND email_key = $2 AND status = 'confirmed' AND confirmed_at = $3
       RETURNING id, campaign_id
     ), detached AS (
       UPDATE outbox_message SET "to" = '', payload = '{}'::jsonb, last_error = NULL, response = NULL, updated_at = now()
        WHERE signature_id IN (SELECT id FROM s)
     )
     INSERT INTO campaign_count_shard (campaign_id, shard, confirmed)
     SELECT campaign_id, $4, -1 FROM s
     ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed - 1`,
    [letter.campaign_id, letter.email_key, letter.confirmed_at, randomShard()],
  );
}
