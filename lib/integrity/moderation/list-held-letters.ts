// Letters waiting for an organizer's review, oldest first, with why they were held: the organizer releases or
// rejects each (moderate-letter.ts), so nothing held is delivered or lost unseen.
import "server-only";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function listHeldLetters(scope: Scope, campaignId: string) {
  const campaign = await scope.campaign(campaignId);
  return db
    .selectFrom("letter")
    .select([
      "id",
      "subject",
      "body",
      "language",
      "country",
      "held_reason as heldReason",
      "confirmed_at as confirmedAt",
    ])
    .where("campaign_id", "=", campaign.id)
    .where("status", "=", "held")
    .orderBy("confirmed_at", "asc")
    .orderBy("id", "asc")
    .limit(200)
    .execute();
}
