// What the organizer sees before letting a suspected signature through: when it came and why it was held back.
import "server-only";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function describeSuspected(scope: Scope, campaignId: string, signatureId: string) {
  const campaign = await scope.campaign(campaignId);
  if (!uuid.test(signatureId)) return null;
  const row = await db
    .selectFrom("signature")
    .select(["id", "name", "country", "spam_reason as reason", "created_at as createdAt", "status"])
    .where("id", "=", signatureId)
    .where("campaign_id", "=", campaign.id)
    .where("email_key", "is not", null)
    .executeTakeFirst();
  return row ? { ...row, suspected: row.status === "suspected" } : null;
}
