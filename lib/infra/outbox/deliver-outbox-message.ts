// Sends one outbox message. Called by the mail worker for each job; safe to call again for the same message
// (after a crash, or by a second worker): a message already sent, failed or cancelled is left alone, and a
// re-send reuses the stored Message-ID. Every attempt and outcome is recorded in outbox_event.
import { pool, withTransaction } from "@/lib/infra/db";
import { boss, onClient, queues } from "@/lib/infra/queue/boss";
import { env } from "@/lib/infra/env";
import type { MailContent, MailKinds, OutboxRow } from "./outbox";
import { mailTransport } from "@/lib/infra/mail/transport";
import { renderOutboxMessages } from "./render-outbox-messages";
import { cancelSuppressedMessages } from "./cancel-suppressed-messages";

export type Attempt = { retryCount: number; retryLimit: number };
export type DeliveryOutcome = "sent" | "failed" | "cancelled" | "skipped" | "waiting";

/** Thrown for a temporary failure: the queue retries the job later, with backoff. */
export class RetryableMailError extends Error {}

/** One message's attempt: the job's id is the message's id. */
export type MessageAttempt = Attempt & { id: string };

/** Sends one message; a temporary failure throws RetryableMailError. */
export async function deliverOutboxMessage(id: string, attempt: Attempt, kinds: MailKinds): Promise<DeliveryOutcome> {
  const result = (await deliverOutboxMessages([{ id, ...attempt }], kinds)).get(id)!;
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Sends a batch of messages at once: one statement claims them all, they render and go to the relay side by side,
 * and one statement records every message the relay accepted (with what that means for the items they carried).
 * The outcome per message: what happened, or the error that makes its job retry.
 */
export async function deliverOutboxMessages(
  batch: MessageAttempt[],
  kinds: MailKinds,
): Promise<Map<string, DeliveryOutcome | Error>> {
  const results = new Map<string, DeliveryOutcome | Error>(batch.map((a) => [a.id, "skipped"]));
  const ids = batch.map((a) => a.id);
  // A message another worker claimed less than a job's lease ago is still its to send; after that, its worker is
  // presumed gone and the message may be claimed again (and re-sent with the same Message-ID).
  const { rows } = await pool.query<OutboxRow & { attempts: number }>(
    `WITH claimed AS (
       UPDATE outbox_message SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])
          AND (status = 'pending' OR (status = 'sending' AND updated_at < now() - make_interval(secs => $2::int)))
        RETURNING id, kind, "to", locale, payload, message_id, signature_id, letter_id, campaign_id, attempts
     ), logged AS (
       INSERT INTO outbox_event (message_id, status, attempt) SELECT id, 'sending', attempts FROM claimed
     )
     SELECT * FROM claimed`,
    [ids, env.JOB_EXPIRE_SECONDS],
  );
  // A claim lasts a job's lease; a message still waiting for a connection halfway through it is given back unsent.
  const startBy = Date.now() + (env.JOB_EXPIRE_SECONDS * 1000) / 2;
  if (rows.length < ids.length) {
    const claimed = new Set(rows.map((r) => r.id));
    const { rows: leased } = await pool.query<{ id: string }>(
      `SELECT id FROM outbox_message WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids.filter((id) => !claimed.has(id))],
    );
    for (const { id } of leased) results.set(id, new RetryableMailError("another worker is sending this message"));
  }
  const attempts = new Map(batch.map((a) => [a.id, a]));
  // Signer and writer mail to a suppressed address is cancelled, not sent (cancel-suppressed-messages.ts).
  const suppressed = await cancelSuppressedMessages(rows);
  for (const id of suppressed) results.set(id, "cancelled");
  const sendable = suppressed.size ? rows.filter((r) => !suppressed.has(r.id)) : rows;
  const contents = renderOutboxMessages(sendable, kinds);
  await Promise.all(
    sendable.map(async (message) => {
      const attempt = attempts.get(message.id)!;
      try {
        const outcome = await sendOne(
          message,
          contents.get(message.id)!,
          startBy,
          attempt.retryCount >= attempt.retryLimit,
          kinds,
        );
        // The relay has it. If recording that fails (the database went away), the job is retried: a settled message
        // is then skipped, and one still "sending" goes again under the same Message-ID. It is never put back in the
        // queue as if the send had failed.
        if (typeof outcome !== "string") {
          await record(outcome).catch((err) => {
            throw new RetryableMailError(`sent, but could not record it: ${describe(err)}`);
          });
        }
        results.set(message.id, typeof outcome === "string" ? outcome : "sent");
      } catch (err) {
        results.set(message.id, err instanceof Error ? err : new Error(String(err)));
      }
    }),
  );
  return results;
}

type Settlement = {
  message: OutboxRow;
  status: "sent" | "failed" | "cancelled";
  response?: string;
  error?: string;
  /** What the outcome means for the items the message carried (its kind's `settledSql`). */
  settledSql?: string;
};

/**
 * Records accepted messages as soon as possible, and together: the first waits for no one, and those accepted while
 * a statement runs go in the next one. A sent message is never left unrecorded for longer than one statement, which
 * keeps the window in which a stalled worker's message could be sent again as short as it was one by one. One group
 * for the whole process, so the batches a worker sends side by side share their statements.
 */
const record = groupSettle();

function groupSettle(): (s: Settlement) => Promise<void> {
  let waiting: { s: Settlement; done: (err?: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (waiting.length) {
      const group = waiting;
      waiting = [];
      try {
        await settle(group.map((g) => g.s));
        group.forEach((g) => g.done());
      } catch (err) {
        group.forEach((g) => g.done(err));
      }
    }
    running = false;
  };
  return (s) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ s, done: (err) => (err ? reject(err) : resolve()) });
      if (!running) void drain();
    });
}

/** Sends one claimed message once it is rendered. A message the relay accepted comes back to be recorded with the batch. */
async function sendOne(
  message: OutboxRow & { attempts: number },
  rendering: Promise<MailContent | null>,
  startBy: number,
  lastAttempt: boolean,
  kinds: MailKinds,
): Promise<DeliveryOutcome | Settlement> {
  const kind = kinds[message.kind];
  if (!kind) throw new Error(`unknown outbox message kind ${message.kind}`);
  const settledSql = kind.settledSql;

  let content;
  try {
    content = await rendering;
  } catch (err) {
    // Rendering reads the database; a hiccup is worth another try, but the message must not stay "sending".
    return retryOrFail(message, `could not render the message: ${describe(err)}`, lastAttempt, settledSql);
  }
  if (!content) {
    await settle([
      {
        message,
        status: "cancelled",
        error: "what the message was about was withdrawn before it was sent",
        settledSql,
      },
    ]);
    return "cancelled";
  }

  try {
    const info = await mailTransport().send(
      {
        messageId: message.message_id,
        from: content.from ?? env.MAIL_FROM,
        to: message.to,
        replyTo: content.replyTo,
        subject: content.subject,
        text: content.text,
        html: content.html,
        attachments: content.attachments,
        headers: content.headers,
      },
      { startBy, outboxId: message.id },
    );
    return { message, status: "sent", response: info.response, settledSql };
  } catch (err) {
    if (isPermanent(err)) {
      await settle([{ message, status: "failed", error: describe(err), settledSql }]);
      return "failed";
    }
    return retryOrFail(message, describe(err), lastAttempt, settledSql);
  }
}

/** Deliveries to a target outlast any relay outage: after the last quick retry they wait, one try an hour. */
export const waitingRetrySeconds = 3600;

async function retryOrFail(
  message: OutboxRow & { attempts: number },
  reason: string,
  lastAttempt: boolean,
  settledSql?: string,
): Promise<DeliveryOutcome> {
  if (lastAttempt && message.kind.startsWith("delivery.")) {
    await waitForRelay(message, reason);
    return "waiting";
  }
  if (lastAttempt) {
    await settle([
      {
        message,
        status: "failed",
        error: `gave up after ${message.attempts} attempt${message.attempts === 1 ? "" : "s"}: ${reason}`,
        settledSql,
      },
    ]);
    return "failed";
  }
  await pool.query(
    // Only from "sending": a statement that arrives late (after a network cut) must not undo a settled outcome.
    `WITH m AS (UPDATE outbox_message SET status = 'pending', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'sending' RETURNING id, attempts)
     INSERT INTO outbox_event (message_id, status, attempt, detail) SELECT id, 'pending', attempts, $2 FROM m`,
    [message.id, reason],
  );
  throw new RetryableMailError(reason);
}

/**
 * Records outcomes in one statement: each message's status, its history entry, and what the outcome means for the
 * items it carried (each kind's `settledSql`), so the three never disagree. Secrets in a payload (a confirmation
 * token) are not needed once its message is settled.
 */
async function settle(settlements: Settlement[]): Promise<void> {
  const carried = [...new Set(settlements.map((s) => s.settledSql).filter((sql): sql is string => Boolean(sql)))];
  await pool.query(
    `WITH s AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, status, response, error)
     ), m AS (
       UPDATE outbox_message o
          SET status = s.status::outbox_status, response = COALESCE(s.response, o.response), last_error = s.error,
              payload = o.payload - 'token', sent_at = CASE WHEN s.status = 'sent' THEN now() ELSE o.sent_at END, updated_at = now()
         FROM s
        WHERE o.id = s.id
        RETURNING o.id, o.attempts, o.status::text AS status
     ), e AS (
       INSERT INTO outbox_event (message_id, status, attempt, detail)
       SELECT m.id, m.status::outbox_status, m.attempts, COALESCE(s.response, s.error) FROM m JOIN s ON s.id = m.id
     )${carried.map((sql, i) => `, carried${i} AS (${sql})`).join("")}
     SELECT 1`,
    [
      settlements.map((s) => s.message.id),
      settlements.map((s) => s.status),
      settlements.map((s) => s.response ?? null),
      settlements.map((s) => s.error ?? null),
    ],
  );
}

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/** 5xx from the relay is final; 4xx, timeouts and dropped connections are worth another try. */
export function isPermanent(err: unknown): boolean {
  const code = (err as SmtpError)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(err: unknown): string {
  const e = err as SmtpError;
  const parts = [e?.response ?? e?.message ?? String(err)];
  if (e?.code && !parts[0]!.includes(e.code)) parts.push(`(${e.code})`);
  return parts.join(" ").slice(0, 1000);
}

/** A delivery whose quick retries are used up goes back to pending with a fresh job an hour out; nothing it carries is dropped. */
async function waitForRelay(message: OutboxRow, reason: string): Promise<void> {
  const queue = await boss();
  return withTransaction(async (client) => {
    const detail = `waiting for the relay, next try in ${waitingRetrySeconds / 60} minutes: ${reason}`;
    await client.query(
      `WITH m AS (UPDATE outbox_message SET status = 'pending', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'sending' RETURNING id, attempts)
       INSERT INTO outbox_event (message_id, status, attempt, detail) SELECT id, 'pending', attempts, $2 FROM m`,
      [message.id, detail],
    );
    await queue.insert(queues.deliverySend, [{ data: { outboxId: message.id }, startAfter: waitingRetrySeconds }], {
      db: onClient(client),
    });
  });
}
