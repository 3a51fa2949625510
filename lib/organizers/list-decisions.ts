// The campaign's recorded decisions (closing, opening, address changes, letters released or rejected, signatures let
// through), newest first, each with who and when: what the campaign page shows as "rejected by X on date".
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import type { Scope } from "./scope";

export type Decision = {
  id: string;
  action: string;
  target: string;
  targetId: string | null;
  actorEmail: string;
  at: Date;
  details: Record<string, unknown>;
};

export async function listDecisions(scope: Scope, campaignId: string, take = 50): Promise<Decision[]> {
  const campaign = await scope.campaign(campaignId);
  const rows = await db
    .selectFrom("audit_event")
    .select(["id", "action", "target", "target_id", "actor_email", "created_at", "details"])
    .where("organization_id", "=", scope.organizationId)
    .where(sql<boolean>`details->>'campaignId' = ${campaign.id}`)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(take)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    target: r.target,
    targetId: r.target_id,
    actorEmail: r.actor_email,
    at: r.created_at,
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}
