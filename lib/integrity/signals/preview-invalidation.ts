// What an invalidation would strike out, before the organizer confirms: how many signatures, how many of them are
// counted now (confirmed), pending or suspected, and how many already went to the target in a digest.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";
import { criteriaCondition } from "./criteria-sql";
import type { InvalidationCriteria } from "./schema";

export type InvalidationPreview = {
  signatures: number;
  confirmed: number;
  pending: number;
  suspected: number;
  /** Confirmed ones a digest has already carried to the target: striking them out cannot unsend them. */
  delivered: number;
  /** When the preview was taken: confirming with `to` = this moment strikes out no signature that came later. */
  asOf: string;
};

export async function previewInvalidation(
  scope: Scope,
  campaignId: string,
  criteria: InvalidationCriteria,
): Promise<InvalidationPreview> {
  const campaign = await scope.campaign(campaignId);
  const { as_of, ...counts } = await db
    .selectFrom("signature as s")
    .leftJoin("outbox_message as m", "m.id", "s.delivery_message_id")
    .select([
      sql<number>`count(*)::int`.as("signatures"),
      sql<number>`count(*) FILTER (WHERE s.status = 'confirmed')::int`.as("confirmed"),
      sql<number>`count(*) FILTER (WHERE s.status = 'pending')::int`.as("pending"),
      sql<number>`count(*) FILTER (WHERE s.status = 'suspected')::int`.as("suspected"),
      sql<number>`count(*) FILTER (WHERE m.status = 'sent')::int`.as("delivered"),
      // The database's time, as signatures' created_at is: the moment this count was true.
      sql<Date>`now()`.as("as_of"),
    ])
    .where("s.campaign_id", "=", campaign.id)
    .where(criteriaCondition(criteria))
    .executeTakeFirstOrThrow();
  return { ...counts, asOf: as_of.toISOString() };
}
