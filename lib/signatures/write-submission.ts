// What storing a public submission (a signature or a letter) shares around its own statement: the slug checked
// before asking the database, the abuse checks, the confirmation token and email, and reading the answer.
import { randomUUID } from "node:crypto";
import { sql, type RawBuilder } from "kysely";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { unavailableCampaign } from "@/lib/campaigns/unavailable-campaign";
import { newToken } from "@/lib/infra/crypto";
import { writeWithinDeadline } from "@/lib/infra/db";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import type { FormKind } from "@/lib/infra/security/form-token";
import { enforceGuard, guardCtes, prepareGuard, type Guard, type GuardRow } from "@/lib/integrity/guard-submission";
import type { AbuseFields } from "@/lib/integrity/schema";
import { emailKey } from "@/lib/infra/validation/normalize-email";

/** Within this window a repeated submission sends no further email. */
export const resendWindowSeconds = 10 * 60;

export type SubmissionRow = GuardRow & { campaign_status: string | null; open: boolean; outbox_id: string | null };

/** The values every submission's statement uses besides its form's own, each under its name. */
export type Submission = {
  guard: Guard;
  /** The normalised address: one signature or letter per person and campaign. */
  emailKey: string;
  /** The time the statement counts from (lib/infra/clock.ts, through the guard). */
  at: Date;
  confirmTokenHash: Buffer;
  /** When the confirmation link stops working. */
  confirmExpiresAt: Date;
  /** A row last emailed before this gets a new email; one emailed since does not (the resend window). */
  resendIfNotifiedBefore: Date;
  outboxId: string;
  token: string;
  messageId: string;
};

/**
 * The CTEs that follow the form's own write, `written` (a CTE returning the row's id, status, email and locale):
 * `stale` cancels an unsent confirmation whose link the new one replaces (it would only confirm nothing), and `m`
 * queues the new email (a confirmation, or "already confirmed"). A suspected submission gets none.
 */
export function confirmationMailCtes(
  s: Submission,
  written: "sn" | "l",
  owner: "signature" | "letter",
): RawBuilder<unknown> {
  const w = sql.table(written);
  const ownerColumn = sql.ref(`${owner}_id`);
  const confirm = `${owner}.confirm` as const satisfies MessageKind;
  const alreadyConfirmed = `${owner}.already_confirmed` as const satisfies MessageKind;
  return sql`stale AS (
  UPDATE outbox_message SET status = 'cancelled', payload = payload - 'token', updated_at = now()
    FROM ${w} WHERE outbox_message.${ownerColumn} = ${w}.id AND ${w}.status = 'pending' AND outbox_message.status = 'pending'
), m AS (
  INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, ${ownerColumn})
  SELECT ${s.outboxId}::uuid,
         CASE WHEN ${w}.status = 'pending' THEN ${confirm} ELSE ${alreadyConfirmed} END,
         ${w}.email, ${w}.locale,
         CASE WHEN ${w}.status = 'pending' THEN jsonb_build_object('token', ${s.token}::text) ELSE '{}'::jsonb END,
         ${s.messageId}, ${w}.id
    FROM ${w} WHERE ${w}.status <> 'suspected'
  RETURNING id
)`;
}

/** The columns of SubmissionRow, read from the statement's `c` (the campaign), `open_c`, `m` and `verdict` CTEs. */
export const submissionAnswer = sql`(SELECT status::text FROM c) AS campaign_status,
       EXISTS (SELECT 1 FROM open_c) AS open,
       (SELECT id FROM m) AS outbox_id,
       (SELECT retry_after FROM verdict) AS retry_after,
       (SELECT allowed FROM verdict) AS allowed`;

/** A campaign that takes submissions at `at`: open, and within its dates. */
export function openAt(at: Date): RawBuilder<boolean> {
  return sql<boolean>`status = 'open' AND (opens_at IS NULL OR opens_at <= ${at}) AND (closes_at IS NULL OR closes_at > ${at})`;
}

export type SubmissionWrite<R extends SubmissionRow> = {
  kind: FormKind;
  slug: string;
  email: string;
  fields: AbuseFields;
  ip: string | null;
  /** The form's statement: it opens with guardCtes, writes its email with confirmationMailCtes, answers SubmissionRow. */
  statement: (submission: Submission) => RawBuilder<R>;
};

/** The statement's answer, and whether a silent check caught this submission (answered as if it had not). */
export async function writeSubmission<R extends SubmissionRow>(
  write: SubmissionWrite<R>,
): Promise<R & { suspected: boolean }> {
  if (!isCampaignSlug(write.slug)) throw new AppError("campaign_not_found");
  const key = emailKey(write.email);
  const guard = prepareGuard({ kind: write.kind, slug: write.slug, ip: write.ip, emailKey: key, fields: write.fields });
  const { token, hash } = newToken();
  const outboxId = randomUUID();
  const at = guard.at;
  const submission: Submission = {
    guard,
    emailKey: key,
    at,
    confirmTokenHash: hash,
    confirmExpiresAt: new Date(at.getTime() + env.CONFIRMATION_TTL_HOURS * 3600_000),
    resendIfNotifiedBefore: new Date(at.getTime() - resendWindowSeconds * 1000),
    outboxId,
    token,
    messageId: messageIdFor(outboxId),
  };
  const deadline = Date.now() + env.DATABASE_QUERY_TIMEOUT_SECONDS * 1000;
  const [row] = await writeWithinDeadline(deadline, write.statement(submission));
  await enforceGuard(guard, row!);
  if (!row!.open) throw unavailableCampaign(row!.campaign_status);
  return { ...row!, suspected: guard.spamReason !== null };
}

export { guardCtes };
