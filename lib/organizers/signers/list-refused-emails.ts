// Signers and writers whose own email (a confirmation request, or "already confirmed") the receiving server refused
// for good (5xx): each person by name and address, what was refused and the server's answer, so an editor can reach
// them another way instead of seeing them only inside the count of unconfirmed signatures.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { requireRole } from "../current-organizer";
import type { Scope } from "../scope";

export type RefusedEmail = {
  id: string;
  kind: string;
  to: string;
  name: string;
  lastError: string;
  at: Date;
};

const ownKinds = ["signature.confirm", "signature.already_confirmed", "letter.confirm", "letter.already_confirmed"];

export async function listRefusedEmails(scope: Scope, campaignId: string): Promise<RefusedEmail[]> {
  requireRole(scope.organizer, "editor");
  const campaign = await scope.campaign(campaignId);
  const { rows } = await sql<RefusedEmail>`
SELECT m.id, m.kind, m."to", COALESCE(s.name, l.name, '') AS name, m.last_error AS "lastError", m.updated_at AS at
  FROM outbox_message m
  LEFT JOIN signature s ON s.id = m.signature_id
  LEFT JOIN letter l ON l.id = m.letter_id
 WHERE m.kind = ANY(${ownKinds}::text[]) AND m.status = 'failed'
   AND (s.campaign_id = ${campaign.id} OR l.campaign_id = ${campaign.id})
   AND m.last_error ~ '^5[0-9][0-9]'
 ORDER BY m.updated_at DESC, m.id
 LIMIT 500`.execute(db);
  return rows;
}
