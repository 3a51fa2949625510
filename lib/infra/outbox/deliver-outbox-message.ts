// Sends claimed outbox messages: render, send over the SMTP pool, record. Safe for any message at any time: only a
// message this worker has claimed is sent, a re-send reuses the stored Message-ID, and every attempt and outcome is
// recorded in outbox_event. The send loops (work-outbox.ts) claim due messages; tools and tests send by id.
import { env } from "@/lib/infra/env";
import { mailTransport } from "@/lib/infra/mail/transport";
import { SendNotStartedError } from "@/lib/infra/mail/smtp-pool";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import type { MailContent, MailKinds } from "./outbox";
import { laneOf } from "./message-kinds";
import { renderOutboxMessages } from "./render-outbox-messages";
import { cancelSuppressedMessages } from "./cancel-suppressed-messages";
import { claimOutboxMessages, type ClaimedMessage } from "./claim-outbox-messages";
import { processWorker, type OutboxWorker } from "./outbox-worker";
import type { Settlement } from "./settle-outbox-messages";

export type DeliveryOutcome = "sent" | "failed" | "cancelled" | "skipped" | "waiting";

/** A temporary failure: the message is pending again, and tried after its backoff. */
export class RetryableMailError extends Error {}

/** Tools and tests: treat this try as the last one (`retryCount >= retryLimit`) instead of counting attempts. */
export type Attempt = { retryCount: number; retryLimit: number };
export type MessageAttempt = Partial<Attempt> & { id: string };

/** Sends one message now, whatever its time; a temporary failure throws RetryableMailError. */
export async function deliverOutboxMessage(
  id: string,
  attempt: Partial<Attempt>,
  kinds: MailKinds,
): Promise<DeliveryOutcome> {
  const result = (await deliverOutboxMessages([{ id, ...attempt }], kinds)).get(id)!;
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Sends the messages `batch` names now (tools, tests): each is claimed unless settled already ("skipped") or claimed
 * by another worker (a RetryableMailError). The outcome per message: what happened, or the error that retries it.
 */
export async function deliverOutboxMessages(
  batch: MessageAttempt[],
  kinds: MailKinds,
): Promise<Map<string, DeliveryOutcome | Error>> {
  const worker = processWorker();
  await worker.flush();
  const rows = await claimOutboxMessages(worker, { ids: batch.map((a) => a.id) });
  const results = new Map<string, DeliveryOutcome | Error>(batch.map((a) => [a.id, "skipped"]));
  if (rows.length < batch.length) {
    const claimed = new Set(rows.map((r) => r.id));
    const others = await db
      .selectFrom("outbox_message")
      .select("id")
      .where(
        "id",
        "in",
        batch.map((a) => a.id).filter((id) => !claimed.has(id)),
      )
      .where("status", "=", "sending")
      .execute();
    for (const { id } of others) results.set(id, new RetryableMailError("another worker is sending this message"));
  }
  const attempts = new Map(batch.map((a) => [a.id, a]));
  const sent = await sendClaimedMessages(worker, rows, kinds, (m) => {
    const a = attempts.get(m.id);
    return a?.retryCount === undefined ? isLastAttempt(m) : a.retryCount >= (a.retryLimit ?? 0);
  });
  for (const [id, result] of sent) results.set(id, result);
  return results;
}

/** Whether a message has used up its quick tries (MAIL_SEND_ATTEMPTS, or DELIVERY_SEND_ATTEMPTS for deliveries). */
export function isLastAttempt(message: ClaimedMessage): boolean {
  const limit = laneOf(message.kind) === "delivery" ? env.DELIVERY_SEND_ATTEMPTS : env.MAIL_SEND_ATTEMPTS;
  return message.attempts >= limit;
}

/**
 * Sends a claimed batch: messages to suppressed addresses are cancelled, the rest render and go to the relay side by
 * side, and the outcomes are recorded together. Never throws: a message whose outcome the database did not take
 * stays claimed by `worker`, which records it (or, for a retry, takes the message back) once the database answers.
 */
export async function sendClaimedMessages(
  worker: OutboxWorker,
  rows: ClaimedMessage[],
  kinds: MailKinds,
  lastAttempt: (message: ClaimedMessage) => boolean = isLastAttempt,
): Promise<Map<string, DeliveryOutcome | Error>> {
  const results = new Map<string, DeliveryOutcome | Error>();
  // A claim lasts JOB_EXPIRE_SECONDS; a message still waiting for a connection halfway through it is given back unsent.
  const startBy = Date.now() + (env.JOB_EXPIRE_SECONDS * 1000) / 2;
  let suppressed: Set<string>;
  try {
    suppressed = await cancelSuppressedMessages(worker.id, rows);
  } catch (err) {
    for (const row of rows) {
      worker.release(row.id);
      results.set(row.id, new RetryableMailError(`could not check the suppression list: ${describe(err)}`));
    }
    return results;
  }
  for (const id of suppressed) {
    worker.release(id);
    results.set(id, "cancelled");
  }
  const sendable = suppressed.size ? rows.filter((r) => !suppressed.has(r.id)) : rows;
  const contents = renderOutboxMessages(sendable, kinds);
  await Promise.all(
    sendable.map(async (message) => {
      const settlement = await sendOne(message, contents.get(message.id)!, startBy, lastAttempt(message), kinds);
      try {
        await worker.record(settlement);
      } catch (err) {
        // The relay may have it: never put back as if the send had failed. The worker records it once it can.
        const what = settlement.status === "sent" ? "sent, but could not record it" : "could not record the outcome";
        results.set(message.id, new RetryableMailError(`${what}: ${describe(err)}`));
        return;
      }
      results.set(message.id, outcomeOf(settlement));
    }),
  );
  return results;
}

function outcomeOf(s: Settlement & { waiting?: boolean }): DeliveryOutcome | Error {
  if (s.status !== "pending") return s.status;
  return s.waiting ? "waiting" : new RetryableMailError(s.error ?? "temporary failure");
}

/** Sends one claimed message once it is rendered; returns what to record. */
async function sendOne(
  message: ClaimedMessage,
  rendering: Promise<MailContent | null>,
  startBy: number,
  lastAttempt: boolean,
  kinds: MailKinds,
): Promise<Settlement & { waiting?: boolean }> {
  const settledSql = kinds[message.kind]?.settledSql;
  let content;
  try {
    content = await rendering;
  } catch (err) {
    // Rendering reads the database; a hiccup is worth another try, but the message must not stay "sending".
    return retryOrFail(message, `could not render the message: ${describe(err)}`, lastAttempt, settledSql);
  }
  if (!content)
    return {
      message,
      status: "cancelled",
      error: "what the message was about was withdrawn before it was sent",
      settledSql,
    };
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
    if (isPermanent(err)) return { message, status: "failed", error: describe(err), settledSql };
    // Never tried (it waited too long for a connection): due again at once, and the claim is not counted as a try.
    if (err instanceof SendNotStartedError)
      return { message, status: "pending", error: describe(err), availableAt: now(), untried: true };
    return retryOrFail(message, describe(err), lastAttempt, settledSql);
  }
}

/** Deliveries to a target outlast any relay outage: after the last quick retry they wait, one try an hour. */
export const waitingRetrySeconds = 3600;

/** Backoff between tries: MAIL_RETRY_DELAY_SECONDS, doubling with each attempt, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, env.MAIL_RETRY_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

function retryOrFail(
  message: ClaimedMessage,
  reason: string,
  lastAttempt: boolean,
  settledSql?: string,
): Settlement & { waiting?: boolean } {
  const after = (seconds: number) => new Date(now().getTime() + seconds * 1000);
  if (lastAttempt && laneOf(message.kind) === "delivery") {
    const error = `waiting for the relay, next try in ${waitingRetrySeconds / 60} minutes: ${reason}`;
    return { message, status: "pending", error, availableAt: after(waitingRetrySeconds), settledSql, waiting: true };
  }
  if (lastAttempt) {
    const attempts = `${message.attempts} attempt${message.attempts === 1 ? "" : "s"}`;
    return { message, status: "failed", error: `gave up after ${attempts}: ${reason}`, settledSql };
  }
  return { message, status: "pending", error: reason, availableAt: after(retryDelaySeconds(message.attempts)) };
}

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/** 5xx from the relay is final; 4xx, timeouts and dropped connections are worth another try. */
export function isPermanent(err: unknown): boolean {
  const code = (err as SmtpError)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function describe(err: unknown): string {
  const e = err as SmtpError;
  const parts = [e?.response ?? e?.message ?? String(err)];
  if (e?.code && !parts[0]!.includes(e.code)) parts.push(`(${e.code})`);
  return parts.join(" ").slice(0, 1000);
}
