// Records a signature and its email in one statement: the signature and its outbox message, which the outbox relay
// (lib/jobs/relay-outbox.ts) hands to a send job. Signing again is harmless: the unique (campaign, email key) pair
// and ON CONFLICT keep one row; a new email goes out at most once per resend window.
import { randomUUID } from "node:crypto";
import { isCampaignSlug } from "../campaigns/slug";
import { pool } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { keyedHash, newToken } from "../crypto";
import { messageIdFor } from "../mail/message-id";
import { emailKey } from "./normalize-email";
import type { Signature } from "./schema";

/** Within this window a repeated signature sends no further email. */
export const resendWindowSeconds = 10 * 60;

export type SignContext = { ip?: string | null; defaultLocale?: string };

const signSql = `
WITH c AS (
  SELECT id, status, opens_at, closes_at, default_locale FROM campaign WHERE slug = $1
), open_c AS (
  SELECT id, default_locale FROM c
   WHERE status = 'open' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())
), s AS (
  INSERT INTO signature AS sig (id, campaign_id, email, email_key, name, country, region, postal_code, comment,
                               show_name, wants_updates, locale, ip_hash, confirm_token_hash, confirm_token_expires_at)
  SELECT $2::uuid, open_c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE($12, open_c.default_locale), $13, $14,
         now() + make_interval(hours => $15::int)
    FROM open_c
  ON CONFLICT (campaign_id, email_key) DO UPDATE SET
    -- A pending signature takes the newest details and a fresh token; a confirmed one is left as it is.
    email = CASE WHEN sig.status = 'pending' THEN EXCLUDED.email ELSE sig.email END,
    name = CASE WHEN sig.status = 'pending' THEN EXCLUDED.name ELSE sig.name END,
    country = CASE WHEN sig.status = 'pending' THEN EXCLUDED.country ELSE sig.country END,
    region = CASE WHEN sig.status = 'pending' THEN EXCLUDED.region ELSE sig.region END,
    postal_code = CASE WHEN sig.status = 'pending' THEN EXCLUDED.postal_code ELSE sig.postal_code END,
    comment = CASE WHEN sig.status = 'pending' THEN EXCLUDED.comment ELSE sig.comment END,
    -- Whoever signs again with this address cannot turn the owner's privacy choices on, only off.
    show_name = CASE WHEN sig.status = 'pending' THEN sig.show_name AND EXCLUDED.show_name ELSE sig.show_name END,
    wants_updates = CASE WHEN sig.status = 'pending' THEN sig.wants_updates AND EXCLUDED.wants_updates ELSE sig.wants_updates END,
    locale = EXCLUDED.locale,
    confirm_token_hash = CASE WHEN sig.status = 'pending' THEN EXCLUDED.confirm_token_hash ELSE sig.confirm_token_hash END,
    confirm_token_expires_at = CASE WHEN sig.status = 'pending' THEN EXCLUDED.confirm_token_expires_at ELSE sig.confirm_token_expires_at END,
    last_notified_at = now()
  WHERE sig.last_notified_at < now() - make_interval(secs => $16::int)
  RETURNING sig.id, sig.status, sig.email, sig.locale
), stale AS (
  -- An unsent confirmation whose link the new one replaces would only confirm nothing: cancel it.
  UPDATE outbox_message SET status = 'cancelled', payload = payload - 'token', updated_at = now()
    FROM s WHERE outbox_message.signature_id = s.id AND s.status = 'pending' AND outbox_message.status = 'pending'
), m AS (
  INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, signature_id, enqueued_at)
  SELECT $17::uuid,
         CASE WHEN s.status = 'pending' THEN 'signature.confirm' ELSE 'signature.already_confirmed' END,
         s.email, s.locale,
         CASE WHEN s.status = 'pending' THEN jsonb_build_object('token', $18::text) ELSE '{}'::jsonb END,
         $19, s.id, NULL
    FROM s
  RETURNING id
)
SELECT (SELECT status::text FROM c) AS campaign_status,
       EXISTS (SELECT 1 FROM open_c) AS open,
       (SELECT id FROM m) AS outbox_id`;

type SignRow = { campaign_status: string | null; open: boolean; outbox_id: string | null };

export async function signPetition(slug: string, input: Signature, ctx: SignContext = {}): Promise<void> {
  if (!isCampaignSlug(slug)) throw new AppError("campaign_not_found");
  const { token, hash } = newToken();
  const outboxId = randomUUID();
  const { rows } = await pool.query<SignRow>(signSql, [
    slug,
    randomUUID(),
    input.email,
    emailKey(input.email),
    input.name,
    input.country,
    input.region ?? null,
    input.postalCode ?? null,
    input.comment ?? null,
    input.showName,
    input.wantsUpdates,
    input.locale ?? null,
    ctx.ip ? keyedHash("ip", ctx.ip) : null,
    hash,
    env.CONFIRMATION_TTL_HOURS,
    resendWindowSeconds,
    outboxId,
    token,
    messageIdFor(outboxId),
  ]);
  const row = rows[0]!;
  if (!row.open) {
    throw new AppError(row.campaign_status === null || row.campaign_status === "draft" ? "campaign_not_found" : "campaign_closed");
  }
}
