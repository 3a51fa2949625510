// Sends one outbox message. Called by the mail worker for each job; safe to call again for the same message
// (after a crash, or by a second worker): a message already sent, failed or cancelled is left alone, and a
// re-send reuses the stored Message-ID. Every attempt and outcome is recorded in outbox_event.
import { pool, withTransaction } from "../db";
import { boss, onClient, queues } from "../jobs/boss";
import { env } from "../env";
import type { OutboxRow } from "./outbox";
import { mailKinds } from "./kinds";
import { mailTransport } from "./transport";

export type Attempt = { retryCount: number; retryLimit: number };
export type DeliveryOutcome = "sent" | "failed" | "cancelled" | "skipped" | "waiting";

/** Thrown for a temporary failure: the queue retries the job later, with backoff. */
export class RetryableMailError extends Error {}

export async function deliverOutboxMessage(id: string, attempt: Attempt): Promise<DeliveryOutcome> {
  const { rows } = await pool.query<OutboxRow & { attempts: number }>(
    `WITH claimed AS (
       UPDATE outbox_message SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'sending')
        RETURNING id, kind, "to", locale, payload, message_id, signature_id, letter_id, campaign_id, attempts
     ), logged AS (
       INSERT INTO outbox_event (message_id, status, attempt) SELECT id, 'sending', attempts FROM claimed
     )
     SELECT * FROM claimed`,
    [id],
  );
  const message = rows[0];
  if (!message) return "skipped";

  const kind = mailKinds[message.kind];
  if (!kind) throw new Error(`unknown outbox message kind ${message.kind}`);
  const lastAttempt = attempt.retryCount >= attempt.retryLimit;

  let content;
  try {
    content = await kind.render(message);
  } catch (err) {
    // Rendering reads the database; a hiccup is worth another try, but the message must not stay "sending".
    return retryOrFail(message, `could not render the message: ${describe(err)}`, lastAttempt);
  }
  if (!content) {
    await settle(message, "cancelled", { error: "what the message was about was withdrawn before it was sent" });
    return "cancelled";
  }

  let info;
  try {
    info = await mailTransport().send({
      messageId: message.message_id,
      from: content.from ?? env.MAIL_FROM,
      to: message.to,
      replyTo: content.replyTo,
      subject: content.subject,
      text: content.text,
      html: content.html,
      attachments: content.attachments,
      headers: content.headers,
    });
  } catch (err) {
    if (isPermanent(err)) {
      await settle(message, "failed", { error: describe(err) });
      return "failed";
    }
    return retryOrFail(message, describe(err), lastAttempt);
  }
  // The relay has it. If recording that fails (the database went away), the job is retried: a settled message is
  // then skipped, and one that is still "sending" goes again under the same Message-ID. It must not be treated as a
  // failed send, which would put a message the relay accepted back in the queue.
  try {
    await settle(message, "sent", { response: info.response });
  } catch (err) {
    throw new RetryableMailError(`sent, but could not record it: ${describe(err)}`);
  }
  return "sent";
}

/** Deliveries to a target outlast any relay outage: after the last quick retry they wait, one try an hour. */
export const waitingRetrySeconds = 3600;

async function retryOrFail(message: OutboxRow & { attempts: number }, reason: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
  if (lastAttempt && message.kind.startsWith("delivery.")) {
    await waitForRelay(message, reason);
    return "waiting";
  }
  if (lastAttempt) {
    await settle(message, "failed", { error: `gave up after ${message.attempts} attempt${message.attempts === 1 ? "" : "s"}: ${reason}` });
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

async function settle(message: OutboxRow, status: "sent" | "failed" | "cancelled", detail: { response?: string; error?: string }) {
  const carried = mailKinds[message.kind]?.settledSql;
  // One statement: the outcome, its history entry and what it means for the items the message carried.
  // Secrets in the payload (a confirmation token) are not needed once the message is settled.
  await pool.query(
    `WITH m AS (
       UPDATE outbox_message
          SET status = $2::outbox_status, response = COALESCE($3, response), last_error = $4, payload = payload - 'token',
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END, updated_at = now()
        WHERE id = $1
        RETURNING id, attempts
     ), e AS (
       INSERT INTO outbox_event (message_id, status, attempt, detail) SELECT id, $2::outbox_status, attempts, COALESCE($3, $4) FROM m
     )${carried ? `, carried AS (${carried})` : ""}
     SELECT 1`,
    [message.id, status, detail.response ?? null, detail.error ?? null],
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
    await queue.insert(queues.deliverySend, [{ data: { outboxId: message.id }, startAfter: waitingRetrySeconds }], { db: onClient(client) });
  });
}
