// The organization's export log, newest first, for owners only: who exported which campaign's data, and when, so
// an owner can account for every copy of signers' data that left the app.
import "server-only";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import { db } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";

export async function listExports(scope: Scope, take = 200) {
  requireRole(scope.organizer, "owner");
  return db
    .selectFrom("export_record as e")
    .select((eb) => [
      "e.id",
      "e.kind",
      "e.options",
      "e.created_at as createdAt",
      jsonObjectFrom(
        eb.selectFrom("campaign as c").select(["c.id", "c.slug"]).whereRef("c.id", "=", "e.campaign_id"),
      ).as("campaign"),
      jsonObjectFrom(eb.selectFrom("user as u").select(["u.email", "u.name"]).whereRef("u.id", "=", "e.user_id")).as(
        "user",
      ),
    ])
    .where("e.organization_id", "=", scope.organizationId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(take)
    .execute();
}
