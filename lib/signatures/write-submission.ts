// The one statement that stores a public submission, a signature or a letter: what both do around their own SQL.
// The slug's shape is checked before asking the database; the abuse checks are prepared (lib/integrity/guard-submission.ts)
// and their counters run in the same statement; the confirmation token and outbox message id are made here; and
// the answer is read the same way: refused by the guard, or the campaign not open.
import { randomUUID } from "node:crypto";
import { enforceGuard, prepareGuard, type GuardRow } from "@/lib/integrity/guard-submission";
import type { FormKind } from "@/lib/infra/security/form-token";
import type { AbuseFields } from "@/lib/integrity/schema";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { unavailableCampaign } from "@/lib/campaigns/unavailable-campaign";
import { newToken } from "@/lib/infra/crypto";
import { timed, writeWithinDeadline } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { emailKey } from "./normalize-email";

/** Within this window a repeated submission sends no further email. */
export const resendWindowSeconds = 10 * 60;

/** How many values writeSubmission adds after the form's own, before the guard's (see its statement's parameters). */
export const sharedValueCount = 9;

export type SubmissionRow = GuardRow & { campaign_status: string | null; open: boolean; outbox_id: string | null };

/**
 * The CTEs that follow the form's own write, `written` (a CTE returning the row's id, status, email and locale), with
 * `first` the number of the first shared parameter: `stale` cancels an unsent confirmation whose link the new one
 * replaces (it would only confirm nothing), and `m` queues the new email (a confirmation, or "already confirmed").
 * A suspected submission gets none.
 */
export function confirmationMailCtes(first: number, written: string, owner: "signature" | "letter"): string {
  const [outboxId, token, messageId] = [first + 4, first + 5, first + 6].map((n) => `$${n}`);
  return `stale AS (
  UPDATE outbox_message SET status = 'cancelled', payload = payload - 'token', updated_at = now()
    FROM ${written} WHERE outbox_message.${owner}_id = ${written}.id AND ${written}.status = 'pending' AND outbox_message.status = 'pending'
), m AS (
  INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, ${owner}_id, enqueued_at)
  SELECT ${outboxId}::uuid,
         CASE WHEN ${written}.status = 'pending' THEN '${owner}.confirm' ELSE '${owner}.already_confirmed' END,
         ${written}.email, ${written}.locale,
         CASE WHEN ${written}.status = 'pending' THEN jsonb_build_object('token', ${token}::text) ELSE '{}'::jsonb END,
         ${messageId}, ${written}.id, NULL
    FROM ${written} WHERE ${written}.status <> 'suspected'
  RETURNING id
)`;
}

/** The columns of SubmissionRow, read from the statement's `c` (the campaign), `open_c`, `m` and `verdict` CTEs. */
export const submissionAnswer = `(SELECT status::text FROM c) AS campaign_status,
       EXISTS (SELECT 1 FROM open_c) AS open,
       (SELECT id FROM m) AS outbox_id,
       (SELECT retry_after FROM verdict) AS retry_after,
       (SELECT allowed FROM verdict) AS allowed`;

export type SubmissionWrite = {
  kind: FormKind;
  slug: string;
  email: string;
  fields: AbuseFields;
  ip: string | null;
  /**
   * The statement. Its parameters: the form's own values ($1 to $n), then the shared ones in this order: the
   * address's keyed hash, the confirmation token's hash, its lifetime in hours, the resend window in seconds, the
   * outbox message's id, the token, the message's Message-ID, the spam reason, the network's keyed hash ($n+1 to
   * $n+9); then the guard's (guardCtes(n+10)). It returns at least the columns of SubmissionRow (submissionAnswer),
   * and writes its email with confirmationMailCtes(n+1, …).
   */
  sql: string;
  /** The form's own values, given the email address's key. */
  values: (emailKey: string) => unknown[];
};

export async function writeSubmission<R extends SubmissionRow>(write: SubmissionWrite): Promise<R> {
  if (!isCampaignSlug(write.slug)) throw new AppError("campaign_not_found");
  const key = emailKey(write.email);
  const guard = prepareGuard({ kind: write.kind, slug: write.slug, ip: write.ip, emailKey: key, fields: write.fields });
  const { token, hash } = newToken();
  const outboxId = randomUUID();
  const values = [
    ...write.values(key),
    guard.ipHash,
    hash,
    env.CONFIRMATION_TTL_HOURS,
    resendWindowSeconds,
    outboxId,
    token,
    messageIdFor(outboxId),
    guard.spamReason,
    guard.networkHash,
    ...guard.values,
  ];
  const deadline = Date.now() + env.DATABASE_QUERY_TIMEOUT_SECONDS * 1000;
  const { rows } = await writeWithinDeadline(deadline, (client, timeoutMs) =>
    client.query<R>(timed(write.sql, values, timeoutMs() + 1000)),
  );
  const row = rows[0]!;
  await enforceGuard(guard, row);
  if (!row.open) throw unavailableCampaign(row.campaign_status);
  return row;
}
