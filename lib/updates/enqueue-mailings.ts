// Turns each mailing (a milestone, an organizer's update) into outbox rows, one per consenting person: confirmed
// signers and letter writers of the campaign who asked for updates, one message per address (a signer who also wrote
// gets one), in their own language, never to an address on the suppression list. Batches of `batchSize`, in address
// order; each person's row in campaign_mailing_recipient (a keyed hash, never the address) is written in the same
// statement as their message, so a run that dies midway is simply run again and nobody is queued twice, even by two
// workers at once. Once every recipient is queued, those rows are deleted: no list of who got what is kept. Messages are spaced UPDATE_MAIL_PER_MINUTE a minute, so a large campaign goes out over time.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { now } from "@/lib/infra/clock";
import { keyedHash } from "@/lib/infra/crypto";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";

type Candidate = {
  email_key: string;
  email: string;
  locale: string;
  signature_id: string | null;
  letter_id: string | null;
};

/** Who may get a campaign's updates: the address's key stands for the person, a signature before a letter. */
function candidates(campaignId: string, after: string, limit: number) {
  return sql<Candidate>`
SELECT DISTINCT ON (p.email_key) p.email_key, p.email, p.locale, p.signature_id, p.letter_id
  FROM (SELECT email_key, email, locale, id AS signature_id, NULL::uuid AS letter_id, 0 AS pref
          FROM signature
         WHERE campaign_id = ${campaignId} AND status = 'confirmed' AND wants_updates AND email_key > ${after}
        UNION ALL
        SELECT email_key, email, locale, NULL::uuid, id, 1
          FROM letter
         WHERE campaign_id = ${campaignId} AND status IN ('confirmed', 'held', 'queued', 'delivered')
           AND wants_updates AND email IS NOT NULL AND email_key > ${after}) p
 WHERE NOT EXISTS (SELECT 1 FROM suppressed_address s WHERE s.email_key = p.email_key)
 ORDER BY p.email_key, p.pref
 LIMIT ${limit}`;
}

/** The key a recipient is remembered by: the same person (address key) gives the same key, the address is not kept. */
export function recipientKey(emailKeyValue: string): string {
  return keyedHash("mailing-recipient", emailKeyValue);
}

const [idPrefix, idSuffix] = messageIdFor("\u0000").split("\u0000") as [string, string];

async function queueBatch(
  mailing: { id: string; campaign_id: string; kind: "milestone" | "update" },
  batch: Candidate[],
  firstIndex: number,
): Promise<number> {
  const at = now();
  const perMinute = env.UPDATE_MAIL_PER_MINUTE;
  const kind: MessageKind = mailing.kind === "milestone" ? "campaign.milestone" : "campaign.update";
  const due = batch.map((_, i) => new Date(at.getTime() + Math.floor((firstIndex + i) / perMinute) * 60_000));
  const { rows } = await sql<{ n: number }>`
WITH c AS (
  SELECT * FROM unnest(${batch.map((c) => recipientKey(c.email_key))}::text[], ${batch.map((c) => c.email)}::text[],
                       ${batch.map((c) => c.locale)}::text[], ${batch.map((c) => c.signature_id)}::uuid[],
                       ${batch.map((c) => c.letter_id)}::uuid[], ${batch.map(() => randomUUID())}::uuid[],
                       ${due}::timestamptz[])
         AS c(recipient_key, email, locale, signature_id, letter_id, id, available_at)
), live AS (
  -- Another worker that finished this mailing meanwhile has forgotten its recipients: queue nothing more.
  SELECT id FROM campaign_mailing WHERE id = ${mailing.id}::uuid AND enqueued_at IS NULL FOR SHARE
), r AS (
  INSERT INTO campaign_mailing_recipient (mailing_id, recipient_key)
  SELECT live.id, recipient_key FROM c CROSS JOIN live
  ON CONFLICT DO NOTHING
  RETURNING recipient_key
), m AS (
  INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, signature_id, letter_id, campaign_id,
                              available_at, created_at, updated_at)
  SELECT c.id, ${kind}, c.email, c.locale, jsonb_build_object('mailingId', ${mailing.id}::text),
         ${idPrefix} || c.id::text || ${idSuffix}, c.signature_id, c.letter_id, ${mailing.campaign_id}::uuid,
         c.available_at, ${at}, ${at}
    FROM c JOIN r USING (recipient_key)
  RETURNING id
)
SELECT count(*)::int AS n FROM m`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Queues the recipients of every mailing not yet fully queued; returns how many messages it queued. */
export async function enqueueMailings(batchSize = 500): Promise<number> {
  const mailings = await db
    .selectFrom("campaign_mailing")
    .select(["id", "campaign_id", "kind"])
    .where("enqueued_at", "is", null)
    .orderBy("created_at")
    .execute();
  let queued = 0;
  for (const mailing of mailings) {
    let after = "";
    let index = 0;
    for (;;) {
      const { rows: batch } = await candidates(mailing.campaign_id, after, batchSize).execute(db);
      if (batch.length === 0) break;
      queued += await queueBatch(mailing, batch, index);
      index += batch.length;
      after = batch.at(-1)!.email_key;
    }
    // Done: the recipients' keys were only needed while queuing, and are not kept.
    await sql`
WITH done AS (
  UPDATE campaign_mailing SET enqueued_at = ${now()} WHERE id = ${mailing.id}::uuid AND enqueued_at IS NULL RETURNING id
)
DELETE FROM campaign_mailing_recipient r USING done WHERE r.mailing_id = done.id`.execute(db);
  }
  return queued;
}
