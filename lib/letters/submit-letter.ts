// Records a letter, its topics and its confirmation email in one statement, which also counts the attempt for the
// abuse checks (lib/integrity/guard-submission.ts); the outbox relay
// (lib/infra/outbox/relay-outbox.ts) hands the email to a send job. One letter per person per campaign: the unique
// (campaign, email key) pair and ON CONFLICT keep one row. Within the resend window a repeated submission changes
// nothing, so the text a link confirms is always the copy in the newest email; after it, a pending letter is
// replaced (text, topics, fresh token, one new email) and a confirmed one is left alone, its writer told by email.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/infra/errors";
import { guardCtes } from "@/lib/integrity/guard-submission";
import {
  confirmationMailCtes,
  sharedValueCount,
  submissionAnswer,
  writeSubmission,
  type SubmissionRow,
} from "@/lib/signatures/write-submission";
import type { Letter } from "./schema";

export type SubmitContext = { ip?: string | null };

/** The statement's parameters that are the letter's own, $1 onwards (see `values` below). */
const ownValues = 19;

// Parameters: $1–$19 the letter's own values, $20–$28 the values every submission shares (write-submission.ts),
// then the guard's.
const submitSql = `
WITH ${guardCtes(ownValues + sharedValueCount + 1)}, c AS (
  SELECT id, status FROM campaign WHERE slug = $1
), open_c AS (
  SELECT id, default_locale FROM campaign
   WHERE id = (SELECT id FROM c)
     AND status = 'open' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())
     AND (SELECT allowed FROM verdict)
), chosen AS (
  SELECT t.id FROM campaign_topic t JOIN open_c ON t.campaign_id = open_c.id WHERE t.key = ANY($2::text[])
), valid AS (
  SELECT count(*) = cardinality($2::text[]) AS ok FROM chosen
), l AS (
  INSERT INTO letter AS l (id, campaign_id, email, email_key, name, street, city, region, postal_code, country, subject, body,
                           language, locale, writer_role, show_name, wants_updates, also_sign, ip_hash,
                           confirm_token_hash, confirm_token_expires_at, status, spam_reason, network_hash)
  SELECT $3::uuid, open_c.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, COALESCE($15, open_c.default_locale), $16,
         $17, $18, $19, $20, $21, now() + make_interval(hours => $22::int),
         CASE WHEN $27::text IS NULL THEN 'pending' ELSE 'suspected' END::letter_status, $27, $28
    FROM open_c WHERE (SELECT ok FROM valid)
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    -- A pending letter is replaced by the newest one, with a fresh token; a confirmed one is left as it is. A
    -- suspected one is replaced like a pending one when its writer sends again and passes the checks.
    status = CASE WHEN l.status = 'suspected' THEN 'pending' ELSE l.status END,
    spam_reason = CASE WHEN l.status = 'suspected' THEN NULL ELSE l.spam_reason END,
    network_hash = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.network_hash ELSE l.network_hash END,
    email = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.email ELSE l.email END,
    name = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.name ELSE l.name END,
    street = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.street ELSE l.street END,
    city = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.city ELSE l.city END,
    region = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.region ELSE l.region END,
    postal_code = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.postal_code ELSE l.postal_code END,
    country = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.country ELSE l.country END,
    subject = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.subject ELSE l.subject END,
    body = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.body ELSE l.body END,
    language = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.language ELSE l.language END,
    writer_role = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.writer_role ELSE l.writer_role END,
    show_name = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.show_name ELSE l.show_name END,
    wants_updates = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.wants_updates ELSE l.wants_updates END,
    also_sign = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.also_sign ELSE l.also_sign END,
    ip_hash = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.ip_hash ELSE l.ip_hash END,
    locale = EXCLUDED.locale,
    confirm_token_hash = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.confirm_token_hash ELSE l.confirm_token_hash END,
    confirm_token_expires_at = CASE WHEN l.status IN ('pending', 'suspected') THEN EXCLUDED.confirm_token_expires_at ELSE l.confirm_token_expires_at END,
    last_notified_at = now()
  -- A suspected attempt never changes an existing letter (nor sends anything).
  WHERE EXCLUDED.status = 'pending'
    AND (l.status = 'suspected' OR l.last_notified_at < now() - make_interval(secs => $23::int))
  RETURNING l.id, l.status, l.email, l.locale
), dropped AS (
  DELETE FROM letter_topic lt USING l
   WHERE lt.letter_id = l.id AND l.status IN ('pending', 'suspected') AND lt.topic_id NOT IN (SELECT id FROM chosen)
), added AS (
  INSERT INTO letter_topic (letter_id, topic_id)
  SELECT l.id, chosen.id FROM l, chosen WHERE l.status IN ('pending', 'suspected')
  ON CONFLICT DO NOTHING
), ${confirmationMailCtes(ownValues + 1, "l", "letter")}
SELECT ${submissionAnswer},
       (SELECT ok FROM valid) AS topics_ok`;

type SubmitRow = SubmissionRow & { topics_ok: boolean };

export async function submitLetter(slug: string, input: Letter, ctx: SubmitContext = {}): Promise<void> {
  const row = await writeSubmission<SubmitRow>({
    kind: "letter",
    slug,
    email: input.email,
    fields: input,
    ip: ctx.ip ?? null,
    sql: submitSql,
    values: (key) => [
      slug,
      input.topics,
      randomUUID(),
      input.email,
      key,
      input.name,
      input.street ?? null,
      input.city,
      input.region ?? null,
      input.postalCode ?? null,
      input.country,
      input.subject,
      input.body,
      input.language,
      input.locale ?? null,
      input.writerRole ?? null,
      input.showName,
      input.wantsUpdates,
      input.alsoSign,
    ],
  });
  if (!row.topics_ok) {
    throw new AppError("validation_failed", undefined, { topics: { code: "invalid_topic", message: "invalid_topic" } });
  }
}
