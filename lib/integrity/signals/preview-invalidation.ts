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
  // The database's own now(): signatures' created_at is stamped by it.
  const { rows } = await sql<Omit<InvalidationPreview, "asOf"> & { as_of: Date }>`
    SELECT count(*)::int AS signatures,
           count(*) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE s.status = 'pending')::int AS pending,
           count(*) FILTER (WHERE s.status = 'suspected')::int AS suspected,
           count(*) FILTER (WHERE m.status = 'sent')::int AS delivered,
           now() AS as_of
      FROM signature s LEFT JOIN outbox_message m ON m.id = s.delivery_message_id
     WHERE s.campaign_id = ${campaign.id} AND ${criteriaCondition(criteria)}`.execute(db);
  const { as_of, ...counts } = rows[0]!;
  return { ...counts, asOf: as_of.toISOString() };
}
