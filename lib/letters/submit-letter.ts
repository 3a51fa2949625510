// Records a letter, its topics and its confirmation email in one statement, which also counts the attempt for the
// abuse checks. One letter per person and campaign; within the resend window a repeated submission changes nothing,
// so a link always confirms the text of the newest email; after it, a pending letter is replaced.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { AppError } from "@/lib/infra/errors";
import {
  confirmationMailCtes,
  guardCtes,
  openAt,
  submissionAnswer,
  writeSubmission,
  type Submission,
  type SubmissionRow,
} from "@/lib/signatures/write-submission";
import type { Letter } from "./schema";

export type SubmitContext = { ip?: string | null };

type SubmitRow = SubmissionRow & { topics_ok: boolean };

/** A column a pending (or suspected) letter takes from the new submission, and a confirmed one keeps. */
const replaced = (column: string) =>
  sql`${sql.ref(column)} = CASE WHEN l.status IN ('pending', 'suspected') THEN ${sql.ref(`excluded.${column}`)} ELSE ${sql.ref(`l.${column}`)} END`;

function submitStatement(slug: string, input: Letter, s: Submission) {
  const { guard, at } = s;
  const replacedColumns = [
    "network_hash",
    "email",
    "name",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "subject",
    "body",
    "language",
    "writer_role",
    "show_name",
    "appearance",
    "wants_updates",
    "also_sign",
    "reply_consent",
    "ip_hash",
    "confirm_token_hash",
    "confirm_token_expires_at",
  ];
  return sql<SubmitRow>`
WITH ${guardCtes(guard)}, c AS (
  SELECT id, status FROM campaign WHERE slug = ${slug}
), open_c AS (
  SELECT id, default_locale, risk FROM campaign WHERE id = (SELECT id FROM c) AND ${openAt(at)} AND (SELECT allowed FROM verdict)
), chosen AS (
  SELECT t.id FROM campaign_topic t JOIN open_c ON t.campaign_id = open_c.id WHERE t.key = ANY(${input.topics}::text[])
), valid AS (
  SELECT count(*) = cardinality(${input.topics}::text[]) AS ok FROM chosen
), l AS (
  INSERT INTO letter AS l (id, campaign_id, email, email_key, name, street, city, region, postal_code, country, subject,
                           body, language, locale, writer_role, show_name, appearance, wants_updates, also_sign, reply_consent,
                           ip_hash,
                           confirm_token_hash, confirm_token_expires_at, status, spam_reason, network_hash,
                           last_notified_at, source)
  SELECT ${randomUUID()}::uuid, open_c.id, ${input.email}, ${s.emailKey}, ${input.name}, ${input.street ?? null},
         ${input.city}, ${input.region ?? null}, ${input.postalCode ?? null}, ${input.country}, ${input.subject},
         ${input.body}, ${input.language}, COALESCE(${input.locale ?? null}, open_c.default_locale),
         ${input.writerRole ?? null}, ${input.showName},
         COALESCE(${input.appearance ?? null}::appearance,
                  CASE WHEN open_c.risk = 'at_risk' THEN 'initials' ELSE 'full' END::appearance),
         ${input.wantsUpdates}, ${input.alsoSign}, ${input.replyConsent}, ${guard.ipHash},
         ${s.confirmTokenHash}, ${s.confirmExpiresAt},
         CASE WHEN ${guard.spamReason}::text IS NULL THEN 'pending' ELSE 'suspected' END::letter_status,
         ${guard.spamReason}, ${guard.networkHash}, ${at}, ${input.source ?? null}
    FROM open_c WHERE (SELECT ok FROM valid)
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    -- A pending letter is replaced by the newest one, with a fresh token; a confirmed one is left as it is. A
    -- suspected one is replaced like a pending one when its writer sends again and passes the checks.
    status = CASE WHEN l.status = 'suspected' THEN 'pending' ELSE l.status END,
    spam_reason = CASE WHEN l.status = 'suspected' THEN NULL ELSE l.spam_reason END,
    ${sql.join(replacedColumns.map(replaced))},
    locale = EXCLUDED.locale,
    last_notified_at = EXCLUDED.last_notified_at
  -- A suspected attempt never changes an existing letter (nor sends anything).
  WHERE EXCLUDED.status = 'pending' AND (l.status = 'suspected' OR l.last_notified_at < ${s.resendIfNotifiedBefore})
  RETURNING l.id, l.status, l.email, l.locale
), dropped AS (
  DELETE FROM letter_topic lt USING l
   WHERE lt.letter_id = l.id AND l.status IN ('pending', 'suspected') AND lt.topic_id NOT IN (SELECT id FROM chosen)
), added AS (
  INSERT INTO letter_topic (letter_id, topic_id)
  SELECT l.id, chosen.id FROM l, chosen WHERE l.status IN ('pending', 'suspected')
  ON CONFLICT DO NOTHING
), ${confirmationMailCtes(s, "l", "letter")}
SELECT ${submissionAnswer}, (SELECT ok FROM valid) AS topics_ok`;
}

export async function submitLetter(slug: string, input: Letter, ctx: SubmitContext = {}): Promise<void> {
  const row = await writeSubmission({
    kind: "letter",
    slug,
    email: input.email,
    fields: input,
    ip: ctx.ip ?? null,
    statement: (submission) => submitStatement(slug, input, submission),
  });
  if (!row.topics_ok) {
    throw new AppError("validation_failed", undefined, { topics: { code: "invalid_topic", message: "invalid_topic" } });
  }
}
