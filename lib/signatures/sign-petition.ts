// Records a signature and its email in one statement: the abuse checks' counters (lib/integrity/guard-submission.ts),
// the signature and its outbox message, which the outbox relay (lib/infra/outbox/relay-outbox.ts) hands to a send job.
// Signing again is harmless: ON CONFLICT keeps one row per (campaign, address) with the newest details; a new email
// (and link) goes out at most once per resend window, and the answer says whether one went out now or a while ago.
// Without a choice of how to appear, the campaign's risk setting picks it (defaultAppearance).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Signature } from "./schema";
import {
  confirmationMailCtes,
  guardCtes,
  openAt,
  submissionAnswer,
  writeSubmission,
  type Submission,
  type SubmissionRow,
} from "./write-submission";

export type SignContext = { ip?: string | null };

function signStatement(slug: string, input: Signature, s: Submission) {
  const { guard, at } = s;
  // Whether the existing row (`sig`) gets a new email: it was suspected, or last emailed before the resend window.
  const notify = sql`(sig.status = 'suspected' OR sig.last_notified_at < ${s.resendIfNotifiedBefore})`;
  return sql<SubmissionRow>`
WITH ${guardCtes(guard)}, c AS (
  SELECT id, status, default_locale FROM campaign WHERE slug = ${slug}
), open_c AS (
  SELECT id, default_locale, risk FROM campaign
   WHERE id = (SELECT id FROM c) AND ${openAt(at)} AND (SELECT allowed FROM verdict)
), s AS (
  INSERT INTO signature AS sig (id, campaign_id, email, email_key, name, country, region, postal_code, comment,
                               show_name, appearance, wants_updates, locale, ip_hash, confirm_token_hash, confirm_token_expires_at,
                               status, spam_reason, network_hash, last_notified_at, source)
  SELECT ${randomUUID()}::uuid, open_c.id, ${input.email}, ${s.emailKey}, ${input.name}, ${input.country},
         ${input.region ?? null}, ${input.postalCode ?? null}, ${input.comment ?? null}, ${input.showName},
         COALESCE(${input.appearance ?? null}::appearance,
                  CASE WHEN open_c.risk = 'at_risk' THEN 'initials' ELSE 'full' END::appearance),
         ${input.wantsUpdates}, COALESCE(${input.locale ?? null}, open_c.default_locale), ${guard.ipHash},
         ${s.confirmTokenHash}, ${s.confirmExpiresAt},
         CASE WHEN ${guard.spamReason}::text IS NULL THEN 'pending' ELSE 'suspected' END::signature_status,
         ${guard.spamReason}, ${guard.networkHash}, ${at}, ${input.source ?? null}
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
    -- The enum runs from most to least shown: GREATEST keeps the more private of the two choices.
    appearance = CASE WHEN sig.status = 'pending' THEN GREATEST(sig.appearance, EXCLUDED.appearance)
                      WHEN sig.status = 'suspected' THEN EXCLUDED.appearance ELSE sig.appearance END,
    wants_updates = CASE WHEN sig.status = 'pending' THEN sig.wants_updates AND EXCLUDED.wants_updates
                         WHEN sig.status = 'suspected' THEN EXCLUDED.wants_updates ELSE sig.wants_updates END,
    locale = EXCLUDED.locale,
    ip_hash = CASE WHEN sig.status = 'suspected' THEN EXCLUDED.ip_hash ELSE sig.ip_hash END,
    network_hash = CASE WHEN sig.status = 'suspected' THEN EXCLUDED.network_hash ELSE sig.network_hash END,
    -- Within the resend window the link already sent stays the valid one: no new token, no new email.
    confirm_token_hash = CASE WHEN sig.status IN ('pending', 'suspected') AND ${notify} THEN EXCLUDED.confirm_token_hash
                              ELSE sig.confirm_token_hash END,
    confirm_token_expires_at = CASE WHEN sig.status IN ('pending', 'suspected') AND ${notify}
                                    THEN EXCLUDED.confirm_token_expires_at ELSE sig.confirm_token_expires_at END,
    last_notified_at = CASE WHEN ${notify} THEN EXCLUDED.last_notified_at ELSE sig.last_notified_at END
  -- A suspected attempt never changes an existing signature (nor sends anything); a confirmed one is only told again
  -- after the resend window.
  WHERE EXCLUDED.status = 'pending' AND (sig.status IN ('pending', 'suspected') OR ${notify})
  -- Emailed now: a new row, a confirmed one told again, or a pending one that took this request's token.
  RETURNING sig.id, sig.status, sig.email, sig.locale,
            sig.status <> 'pending' OR sig.confirm_token_hash = ${s.confirmTokenHash} AS notified
), sn AS (
  SELECT id, status, email, locale FROM s WHERE notified
), ${confirmationMailCtes(s, "sn", "signature")}
SELECT ${submissionAnswer}`;
}

/**
 * "now": a link is on its way (or, to a silent check's catch, the same answer); "recently": this address was sent
 * one within the resend window, which stays the link to use, and the details given now replace the earlier ones.
 */
export type SignOutcome = { emailed: "now" | "recently" };

export async function signPetition(slug: string, input: Signature, ctx: SignContext = {}): Promise<SignOutcome> {
  const row = await writeSubmission({
    kind: "sign",
    slug,
    email: input.email,
    fields: input,
    ip: ctx.ip ?? null,
    statement: (submission) => signStatement(slug, input, submission),
  });
  return { emailed: row.outbox_id === null && !row.suspected ? "recently" : "now" };
}
