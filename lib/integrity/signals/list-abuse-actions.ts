// A campaign's actions on suspicious activity, newest first: the audit trail the Signals page shows (who, when, what,
// how many), with restore details.
import "server-only";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function listAbuseActions(scope: Scope, campaignId: string, take = 100) {
  const campaign = await scope.campaign(campaignId);
  return db
    .selectFrom("abuse_action as a")
    .select((eb) => [
      "a.id",
      "a.kind",
      "a.criteria",
      "a.affected",
      "a.uncounted",
      "a.created_at as createdAt",
      "a.restored_at as restoredAt",
      "a.restored",
      "a.recounted",
      jsonObjectFrom(eb.selectFrom("user as u").select(["u.email", "u.name"]).whereRef("u.id", "=", "a.user_id")).as(
        "user",
      ),
      jsonObjectFrom(
        eb.selectFrom("user as r").select(["r.email", "r.name"]).whereRef("r.id", "=", "a.restored_by_id"),
      ).as("restoredBy"),
    ])
    .where("a.campaign_id", "=", campaign.id)
    .where("a.organization_id", "=", scope.organizationId)
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(take)
    .execute();
}
