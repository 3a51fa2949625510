// Erases what the outbox kept of signers' and writers' own emails (confirmations): the recipient, the template
// parameters, and the relay's answers, which often quote the address ("550 <kim@…>: mailbox unavailable").
// Deliveries to a campaign's target are not touched: their recipient and answers are the organizers' record.
import type pg from "pg";

export async function eraseOwnMail(
  client: pg.PoolClient,
  owners: { signatureIds?: string[]; letterIds?: string[] },
): Promise<void> {
  const signatureIds = owners.signatureIds ?? [];
  const letterIds = owners.letterIds ?? [];
  if (signatureIds.length === 0 && letterIds.length === 0) return;
  await client.query(
    `WITH m AS (
       UPDATE outbox_message
          SET "to" = '', payload = '{}'::jsonb, last_error = NULL, response = NULL, updated_at = now(),
              status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled'::outbox_status ELSE status END
        WHERE signature_id = ANY($1::uuid[]) OR (letter_id = ANY($2::uuid[]) AND kind NOT LIKE 'delivery.%')
        RETURNING id
     )
     UPDATE outbox_event SET detail = NULL FROM m WHERE outbox_event.message_id = m.id AND outbox_event.detail IS NOT NULL`,
    [signatureIds, letterIds],
  );
}
