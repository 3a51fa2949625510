// Signer and writer mail to an address on the suppression list (its mail bounced for good, or its owner reported
// our mail as spam: record-bounce-report.ts) is not sent. The sender hands each claimed batch here first; messages
// to a suppressed address are settled as cancelled, with the reason, in one statement.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { suppressionApplies } from "./message-kinds";
import type { OutboxRow } from "./outbox";

/** Cancels the batch's messages to suppressed addresses (still under `workerId`'s claim); returns their ids. */
export async function cancelSuppressedMessages(workerId: string, rows: OutboxRow[]): Promise<Set<string>> {
  const candidates = rows.filter((r) => suppressionApplies(r.kind) && r.to);
  if (candidates.length === 0) return new Set();
  const { rows: cancelled } = await sql<{ id: string }>`
WITH c AS (
  SELECT * FROM unnest(${candidates.map((r) => r.id)}::uuid[], ${candidates.map((r) => emailKey(r.to))}::text[])
         AS c(id, email_key)
), m AS (
  UPDATE outbox_message o
     SET status = 'cancelled', payload = o.payload - 'token', updated_at = ${now()}, claimed_by = NULL,
         claimed_until = NULL,
         last_error = 'not sent: ' || CASE s.reason WHEN 'hard_bounce' THEN 'mail to this address bounced for good'
                                                  WHEN 'complaint' THEN 'its owner reported our mail as spam'
                                                  ELSE 'its owner asked for no more mail' END
    FROM c JOIN suppressed_address s ON s.email_key = c.email_key
   WHERE o.id = c.id AND o.status = 'sending' AND o.claimed_by = ${workerId}
  RETURNING o.id, o.attempts, o.last_error
), e AS (
  INSERT INTO outbox_event (message_id, status, attempt, detail)
  SELECT id, 'cancelled', attempts, last_error FROM m
)
SELECT id FROM m`.execute(db);
  return new Set(cancelled.map((r) => r.id));
}
