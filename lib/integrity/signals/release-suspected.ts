// A signature a silent check caught (lib/integrity/detect-spam.ts) that an organizer, having looked at it, judges a
// person's: it becomes pending and its signer gets the confirmation email it never had. Like any signature it counts
// only once they confirm, so letting one through can never add to the count by itself.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { now } from "@/lib/infra/clock";
import { newToken } from "@/lib/infra/crypto";
import { transaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import type { Scope } from "@/lib/organizers/scope";

export async function releaseSuspected(scope: Scope, campaignId: string, signatureId: string): Promise<{ id: string }> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  if (!/^[0-9a-f-]{36}$/i.test(signatureId)) throw new AppError("not_found");
  const at = now();
  const { token, hash } = newToken();
  const outboxId = randomUUID();
  return transaction(async (trx) => {
    // Only a suspected signature of this campaign, not erased: anything else is not_found (another campaign's) or a
    // conflict (already let through, confirmed, struck out).
    const row = await trx
      .selectFrom("signature")
      .select(["id", "status"])
      .where("id", "=", signatureId)
      .where("campaign_id", "=", campaign.id)
      .where("email_key", "is not", null)
      .executeTakeFirst();
    if (!row) throw new AppError("not_found");
    const { rows } = await sql<{ id: string }>`
WITH s AS (
  UPDATE signature SET status = 'pending', spam_reason = NULL, confirm_token_hash = ${hash},
                       confirm_token_expires_at = ${new Date(at.getTime() + env.CONFIRMATION_TTL_HOURS * 3600_000)},
                       last_notified_at = ${at}
   WHERE id = ${row.id} AND status = 'suspected'
  RETURNING id, email, locale
)
INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, signature_id)
SELECT ${outboxId}::uuid, 'signature.confirm', s.email, s.locale, jsonb_build_object('token', ${token}::text),
       ${messageIdFor(outboxId)}, s.id
  FROM s
RETURNING signature_id AS id`.execute(trx);
    if (rows.length !== 1) throw new AppError("conflict");
    await recordAudit(trx, scope, "signature.released", { id: row.id, label: row.id }, { campaignId: campaign.id });
    return { id: rows[0]!.id };
  });
}
