// Claims messages to send, in one statement any number of workers may run at once (SKIP LOCKED): pending messages
// now due, messages whose claim ran out (their worker is presumed gone), and this worker's own claims that it is no
// longer handling (left by a database outage), which it takes back at once instead of waiting for them to run out.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { kindsOf, type Lane } from "./message-kinds";
import type { OutboxRow } from "./outbox";
import type { OutboxWorker } from "./outbox-worker";

export type ClaimedMessage = OutboxRow & { attempts: number };

/** Due messages of a lane, up to `limit`; or (tools, tests) the messages `ids` whatever their time. */
export type Claim = { lane: Lane; limit: number } | { ids: string[] };

export function claimOutboxMessages(worker: OutboxWorker, which: Claim): Promise<ClaimedMessage[]> {
  return worker.oneClaimAtATime(() => claim(worker, which));
}

async function claim(worker: OutboxWorker, which: Claim): Promise<ClaimedMessage[]> {
  const at = now();
  // A claim lasts JOB_EXPIRE_SECONDS: a message not out by then may be claimed again (and sent with its Message-ID).
  const until = new Date(at.getTime() + env.JOB_EXPIRE_SECONDS * 1000);
  const lapsed = sql`(status = 'sending' AND claimed_until <= ${at}::timestamptz)`;
  const mine = sql`(status = 'sending' AND claimed_by = ${worker.id} AND NOT id = ANY(${worker.held()}::uuid[]))`;
  const [due, limit] =
    "ids" in which
      ? [sql`id = ANY(${which.ids}::uuid[]) AND (status = 'pending' OR ${lapsed} OR ${mine})`, which.ids.length]
      : [
          sql`kind = ANY(${kindsOf(which.lane)}::text[])
              AND ((status = 'pending' AND available_at <= ${at}::timestamptz) OR ${lapsed} OR ${mine})`,
          which.limit,
        ];
  const { rows } = await sql<ClaimedMessage>`
WITH picked AS (
  SELECT id FROM outbox_message WHERE ${due} LIMIT ${limit} FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE outbox_message o
     SET status = 'sending', attempts = o.attempts + 1, claimed_by = ${worker.id}, claimed_until = ${until},
         updated_at = ${at}
    FROM picked WHERE o.id = picked.id
  RETURNING o.id, o.kind, o."to", o.locale, o.payload, o.message_id, o.signature_id, o.letter_id, o.campaign_id,
            o.attempts
), logged AS (
  INSERT INTO outbox_event (message_id, status, attempt) SELECT id, 'sending', attempts FROM claimed
)
SELECT * FROM claimed`.execute(db);
  worker.take(rows.map((r) => r.id));
  return rows;
}
