// Records what sends came to, in one statement: each message's status, its history entry, and what the outcome means
// for the items it carried (each kind's `settledSql`), so the three never disagree. Only a message still "sending"
// under the recording worker's claim changes: an erasure, a cancellation or another worker's claim made meanwhile wins.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import type { OutboxRow } from "./outbox";

export type Settlement = {
  message: OutboxRow & { attempts: number };
  /** `pending`: tried again at `availableAt`. */
  status: "sent" | "failed" | "cancelled" | "pending";
  response?: string;
  error?: string;
  availableAt?: Date;
  /** A retry of a message that never reached the relay: its claim does not count as an attempt. */
  untried?: boolean;
  /** What the outcome means for the items the message carried (its kind's `settledSql`). */
  settledSql?: string;
};

/** Returns the ids it recorded (those still under `workerId`'s claim). Secrets in a payload go once it is settled. */
export async function settleOutboxMessages(workerId: string, settlements: Settlement[]): Promise<Set<string>> {
  if (settlements.length === 0) return new Set();
  const at = now();
  const carried = [...new Set(settlements.map((s) => s.settledSql).filter((q): q is string => Boolean(q)))];
  const { rows } = await sql<{ id: string }>`
WITH s AS (
  SELECT * FROM unnest(${settlements.map((s) => s.message.id)}::uuid[], ${settlements.map((s) => s.status)}::text[],
                       ${settlements.map((s) => s.response ?? null)}::text[], ${settlements.map((s) => s.error ?? null)}::text[],
                       ${settlements.map((s) => s.availableAt ?? null)}::timestamptz[],
                       ${settlements.map((s) => s.untried === true)}::boolean[])
         AS s(id, status, response, error, available_at, untried)
), m AS (
  UPDATE outbox_message o
     SET status = s.status::outbox_status, response = COALESCE(s.response, o.response), last_error = s.error,
         payload = CASE WHEN s.status = 'pending' THEN o.payload ELSE o.payload - 'token' END,
         sent_at = CASE WHEN s.status = 'sent' THEN ${at}::timestamptz ELSE o.sent_at END,
         available_at = COALESCE(s.available_at, o.available_at), claimed_by = NULL, claimed_until = NULL,
         attempts = CASE WHEN s.untried THEN o.attempts - 1 ELSE o.attempts END,
         updated_at = ${at}
    FROM s
   WHERE o.id = s.id AND o.status = 'sending' AND o.claimed_by = ${workerId}
  RETURNING o.id, o.attempts, o.status::text AS status
), e AS (
  INSERT INTO outbox_event (message_id, status, attempt, detail)
  SELECT m.id, m.status::outbox_status, m.attempts, COALESCE(s.response, s.error) FROM m JOIN s ON s.id = m.id
)${sql.join(
    carried.map((q, i) => sql`, ${sql.raw(`carried${i}`)} AS (${sql.raw(q)})`),
    sql``,
  )}
SELECT id FROM m`.execute(db);
  return new Set(rows.map((r) => r.id));
}
