// For the dashboard's needs-attention strip: how many reasons wait in each campaign's queue (list-pending-reasons.ts,
// the same rule), for all of the organization's campaigns in one grouped query.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";
import { onTheWall } from "./wall-rule";

export async function countPendingReasons(scope: Scope): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("signature as s")
    .innerJoin("campaign as c", "c.id", "s.campaign_id")
    .select(["s.campaign_id", sql<number>`count(*)::int`.as("n")])
    .where("c.organization_id", "=", scope.organizationId)
    .where(onTheWall)
    .where("s.comment_review", "is", null)
    .where(sql<boolean>`btrim(coalesce(s.comment, '')) <> ''`)
    .groupBy("s.campaign_id")
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}
