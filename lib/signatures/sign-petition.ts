// Records a signature and its email in one statement: the abuse checks' counters (lib/integrity/guard-submission.ts),
// the signature and its outbox message, which the outbox relay (lib/infra/outbox/relay-outbox.ts) hands to a send job.
// Signing again is harmless: the unique (campaign, email key) pair and ON CONFLICT keep one row; a new email goes
// out at most once per resend window.
import { randomUUID } from "node:crypto";
import { guardCtes } from "@/lib/integrity/guard-submission";
import { confirmationMailCtes, sharedValueCount, submissionAnswer, writeSubmission } from "./write-submission";
import type { Signature } from "./schema";

export type SignContext = { ip?: string | null };

/** The statement's parameters that are the signature's own, $1 onwards (see `values` below). */
const ownValues = 12;

// Parameters: $1–$12 the signature's own values, $13–$21 the values every submission shares (write-submission.ts),
// then the guard's.
const signSql = `
WITH ${guardCtes(ownValues + sharedValueCount + 1)}, c AS (
  SELECT id, status, opens_at, closes_at, default_locale FROM campaign WHERE slug = $1
), open_c AS (
  SELECT id, default_locale FROM c
   WHERE status = 'open' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())
     AND (SELECT allowed FROM verdict)
), s AS (
  INSERT INTO signature AS sig (id, campaign_id, email, email_key, name, country, region, postal_code, comment,
                               show_name, wants_updates, locale, ip_hash, confirm_token_hash, confirm_token_expires_at,
                               status, spam_reason, network_hash)
  SELECT $2::uuid, open_c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE($12, open_c.default_locale), $13, $14,
         now() + make_interval(hours => $15::int),
         CASE WHEN $20::text IS NULL THEN 'pending' ELSE 'suspected' END::signature_status, $20, $21
    FROM open_c
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    -- A pending signature takes the newest details and a fresh token; a confirmed one is left as it is. A suspected
    -- one becomes pending when its address signs again and passes the checks (a person caught by mistake).
    status = CASE WHEN sig.status = 'suspected' THEN 'pending' ELSE sig.status END,
    spam_reason = CASE WHEN sig.status = 'suspected' THEN NULL ELSE sig.spam_reason END,
    email = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.email ELSE sig.email END,
    name = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.name ELSE sig.name END,
    country = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.country ELSE sig.country END,
    region = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.region ELSE sig.region END,
    postal_code = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.postal_code ELSE sig.postal_code END,
    comment = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.comment ELSE sig.comment END,
    -- Whoever signs again with this address cannot turn the owner's privacy choices on, only off.
    show_name = CASE WHEN sig.status = 'pending' THEN sig.show_name AND EXCLUDED.show_name
                     WHEN sig.status = 'suspected' THEN EXCLUDED.show_name ELSE sig.show_name END,
    wants_updates = CASE WHEN sig.status = 'pending' THEN sig.wants_updates AND EXCLUDED.wants_updates
                         WHEN sig.status = 'suspected' THEN EXCLUDED.wants_updates ELSE sig.wants_updates END,
    locale = EXCLUDED.locale,
    ip_hash = CASE WHEN sig.status = 'suspected' THEN EXCLUDED.ip_hash ELSE sig.ip_hash END,
    network_hash = CASE WHEN sig.status = 'suspected' THEN EXCLUDED.network_hash ELSE sig.network_hash END,
    confirm_token_hash = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.confirm_token_hash ELSE sig.confirm_token_hash END,
    confirm_token_expires_at = CASE WHEN sig.status IN ('pending', 'suspected') THEN EXCLUDED.confirm_token_expires_at ELSE sig.confirm_token_expires_at END,
    last_notified_at = now()
  -- A suspected attempt never changes an existing signature (nor sends anything).
  WHERE EXCLUDED.status = 'pending'
    AND (sig.status = 'suspected' OR sig.last_notified_at < now() - make_interval(secs => $16::int))
  RETURNING sig.id, sig.status, sig.email, sig.locale
), ${confirmationMailCtes(ownValues + 1, "s", "signature")}
SELECT ${submissionAnswer}`;

export async function signPetition(slug: string, input: Signature, ctx: SignContext = {}): Promise<void> {
  await writeSubmission({
    kind: "sign",
    slug,
    email: input.email,
    fields: input,
    ip: ctx.ip ?? null,
    sql: signSql,
    values: (key) => [
      slug,
      randomUUID(),
      input.email,
      key,
      input.name,
      input.country,
      input.region ?? null,
      input.postalCode ?? null,
      input.comment ?? null,
      input.showName,
      input.wantsUpdates,
      input.locale ?? null,
    ],
  });
}
