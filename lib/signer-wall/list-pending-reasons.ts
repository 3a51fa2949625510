// The reason queue on a campaign's admin page: answers to "Why are you signing?" from signers on the wall
// (./wall-rule.ts) that no organizer has approved or rejected yet, oldest first. Each shows the name as the wall
// would show it, so the organizer decides on exactly what the public would read.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { appearAs } from "@/lib/delivery/appear-as";
import type { Scope } from "@/lib/organizers/scope";
import { onTheWall } from "./wall-rule";

export type PendingReason = {
  signatureId: string;
  shownAs: string;
  country: string;
  reason: string;
  confirmedAt: Date;
};

export async function listPendingReasons(scope: Scope, campaignId: string): Promise<PendingReason[]> {
  const campaign = await scope.campaign(campaignId);
  const rows = await db
    .selectFrom("signature as s")
    .select(["s.id", "s.name", "s.appearance", "s.country", "s.comment", "s.confirmed_at"])
    .where("s.campaign_id", "=", campaign.id)
    .where(onTheWall)
    .where("s.comment_review", "is", null)
    .where(sql<boolean>`btrim(coalesce(s.comment, '')) <> ''`)
    .orderBy("s.confirmed_at", "asc")
    .orderBy("s.id", "asc")
    .limit(200)
    .execute();
  return rows.map((row) => {
    const shown = appearAs({ appearance: row.appearance, name: row.name, country: row.country });
    return {
      signatureId: row.id,
      shownAs: shown.appearance === "counted" ? "" : shown.name,
      country: row.country,
      reason: (row.comment ?? "").trim(),
      confirmedAt: row.confirmed_at ?? new Date(0),
    };
  });
}
