// Signer and writer mail to an address on the suppression list (its mail bounced for good, or its owner reported
// our mail as spam: record-bounce-report.ts) is not sent. The sender hands each claimed batch here first; messages
// to a suppressed address are settled as cancelled, with the reason, in one statement.
import { pool } from "@/lib/infra/db";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import type { OutboxRow } from "./outbox";

/** Signer and writer mail: the only mail a suppressed address stops getting (never a delivery to a target). */
export function suppressionApplies(kind: string): boolean {
  return kind.startsWith("signature.") || kind.startsWith("letter.");
}

/** Cancels the batch's messages to suppressed addresses; returns their ids. */
export async function cancelSuppressedMessages(rows: OutboxRow[]): Promise<Set<string>> {
  const candidates = rows.filter((r) => suppressionApplies(r.kind) && r.to);
  if (candidates.length === 0) return new Set();
  const { rows: cancelled } = await pool.query<{ id: string }>(
    // Only from "sending" (this worker's claim): a statement that arrives late must not undo a settled outcome.
    `WITH c AS (
       SELECT * FROM unnest($1::uuid[], $2::text[]) AS c(id, email_key)
     ), m AS (
       UPDATE outbox_message o
          SET status = 'cancelled', payload = o.payload - 'token', updated_at = now(),
              last_error = 'not sent: ' || CASE s.reason WHEN 'hard_bounce' THEN 'mail to this address bounced for good'
                                                       WHEN 'complaint' THEN 'its owner reported our mail as spam'
                                                       ELSE 'its owner asked for no more mail' END
         FROM c JOIN suppressed_address s ON s.email_key = c.email_key
        WHERE o.id = c.id AND o.status = 'sending'
        RETURNING o.id, o.attempts, o.last_error
     ), e AS (
       INSERT INTO outbox_event (message_id, status, attempt, detail)
       SELECT id, 'cancelled', attempts, last_error FROM m
     )
     SELECT id FROM m`,
    [candidates.map((r) => r.id), candidates.map((r) => emailKey(r.to))],
  );
  return new Set(cancelled.map((r) => r.id));
}
