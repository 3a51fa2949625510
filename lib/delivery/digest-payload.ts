// What a digest states besides its items: the period it covers and the campaign's running totals. Written once by the
// tick that assembles the digest, and computed the same way for the delivery panel's preview of the next one.
import { sql } from "kysely";
import type { Database, Transaction } from "@/lib/infra/db";
import type { DigestPayload } from "./render-delivery-mail";

export async function digestPayload(
  executor: Database | Transaction,
  campaign: { id: string; last_digest_at: Date | null },
  carries: { signatures: number; letters: number },
  at: Date,
): Promise<DigestPayload & { periodEnd: string }> {
  const { rows } = await sql<{ confirmed: number; letters: number }>`
SELECT COALESCE((SELECT sum(confirmed) FROM campaign_count_shard WHERE campaign_id = ${campaign.id}), 0)::int AS confirmed,
       (SELECT count(*) FROM letter WHERE campaign_id = ${campaign.id} AND status IN ('confirmed', 'queued', 'delivered'))::int AS letters`.execute(
    executor,
  );
  return {
    periodStart: campaign.last_digest_at?.toISOString() ?? null,
    periodEnd: at.toISOString(),
    ...carries,
    totals: rows[0]!,
  };
}
