// The Signals page: what in a campaign looks like abuse (heavy networks, disposable domains, near-identical letters,
// suspected submissions by reason, per-minute bursts), each with counts by status and its time span. Each query reads
// an index range (migration organizer_abuse_actions), so the page stays quick at a million signatures.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import type { Scope } from "@/lib/organizers/scope";
import { disposableDomains } from "./disposable-domain";
import { domainMatch } from "./criteria-sql";

export type StatusCounts = {
  total: number;
  confirmed: number;
  pending: number;
  suspected: number;
  invalidated: number;
};
export type Span = { first: Date; last: Date };
export type NetworkSignal = StatusCounts & Span & { network: string; label: string };
export type DomainSignal = StatusCounts & Span & { domain: string };
export type BurstSignal = StatusCounts & { minute: Date };
export type SuspectedSignal = Span & { reason: string; signatures: number; invalidated: number; letters: number };
export type NearCopySignal = Span & {
  fingerprint: string;
  letters: number;
  byStatus: Record<string, number>;
  subject: string;
  excerpt: string;
};

export type Signals = {
  thresholds: { network: number; burstPerMinute: number; nearCopies: number };
  networks: NetworkSignal[];
  disposableDomains: DomainSignal[];
  suspected: SuspectedSignal[];
  bursts: BurstSignal[];
  nearCopies: NearCopySignal[];
};

const limit = 50;

/** An opaque short name for a network hash: enough to tell networks apart on the page, nothing about the address. */
export function networkLabel(hash: string): string {
  return `#${hash.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}`;
}

const statusColumns = sql`
  count(*)::int AS total,
  count(*) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
  count(*) FILTER (WHERE s.status = 'pending')::int AS pending,
  count(*) FILTER (WHERE s.status = 'suspected')::int AS suspected,
  count(*) FILTER (WHERE s.status = 'invalidated')::int AS invalidated`;

export async function listSignals(scope: Scope, campaignId: string): Promise<Signals> {
  const campaign = await scope.campaign(campaignId);
  const id = campaign.id;
  const thresholds = {
    network: env.SIGNALS_NETWORK_MIN,
    burstPerMinute: env.SIGNALS_BURST_PER_MINUTE,
    nearCopies: env.SIGNALS_NEAR_COPIES_MIN,
  };
  const [networks, domains, suspected, bursts, nearCopies] = await Promise.all([
    networkSignals(id, thresholds.network),
    domainSignals(id),
    suspectedSignals(id),
    burstSignals(id, thresholds.burstPerMinute),
    nearCopySignals(id, thresholds.nearCopies),
  ]);
  return { thresholds, networks, disposableDomains: domains, suspected, bursts, nearCopies };
}

async function networkSignals(campaignId: string, min: number): Promise<NetworkSignal[]> {
  // First the heavy networks, counted from the (campaign_id, network_hash, status, created_at) index alone; then
  // their details from the same index.
  const { rows } = await sql<StatusCounts & Span & { network: string }>`
WITH heavy AS (
  SELECT network_hash FROM signature
   WHERE campaign_id = ${campaignId} AND network_hash IS NOT NULL
   GROUP BY network_hash HAVING count(*) >= ${min} ORDER BY count(*) DESC, network_hash LIMIT ${limit}
)
SELECT h.network_hash AS network, ${statusColumns}, min(s.created_at) AS first, max(s.created_at) AS last
  FROM heavy h JOIN signature s ON s.campaign_id = ${campaignId} AND s.network_hash = h.network_hash
 GROUP BY h.network_hash ORDER BY total DESC, network`.execute(db);
  return rows.map((r) => ({ ...r, label: networkLabel(r.network) }));
}

async function domainSignals(campaignId: string): Promise<DomainSignal[]> {
  // One index range per listed domain (its subdomains included): the cost follows the list, not the campaign.
  const { rows } = await sql<StatusCounts & Span & { domain: string }>`
SELECT d.domain, ${statusColumns}, min(s.created_at) AS first, max(s.created_at) AS last
  FROM unnest(${disposableDomains}::text[]) AS d(domain)
  JOIN signature s ON s.campaign_id = ${campaignId} AND ${domainMatch(sql.ref("d.domain"))}
 GROUP BY d.domain ORDER BY total DESC, d.domain LIMIT ${limit}`.execute(db);
  return rows;
}

async function suspectedSignals(campaignId: string): Promise<SuspectedSignal[]> {
  const { rows } = await sql<SuspectedSignal>`
WITH sig AS (
  SELECT spam_reason AS reason, count(*) FILTER (WHERE status = 'suspected')::int AS signatures,
         count(*) FILTER (WHERE status = 'invalidated')::int AS invalidated,
         min(created_at) AS first, max(created_at) AS last
    FROM signature
   WHERE campaign_id = ${campaignId} AND status IN ('suspected', 'invalidated') AND spam_reason IS NOT NULL
   GROUP BY 1
), let AS (
  SELECT spam_reason AS reason, count(*)::int AS letters, min(created_at) AS first, max(created_at) AS last
    FROM letter WHERE campaign_id = ${campaignId} AND status = 'suspected' AND spam_reason IS NOT NULL GROUP BY 1
)
SELECT COALESCE(sig.reason, let.reason) AS reason, COALESCE(sig.signatures, 0) AS signatures,
       COALESCE(sig.invalidated, 0) AS invalidated, COALESCE(let.letters, 0) AS letters,
       LEAST(sig.first, let.first) AS first, GREATEST(sig.last, let.last) AS last
  FROM sig FULL JOIN let ON let.reason = sig.reason
 ORDER BY signatures + letters DESC, reason`.execute(db);
  return rows;
}

async function burstSignals(campaignId: string, perMinute: number): Promise<BurstSignal[]> {
  // Minutes counted from the (campaign_id, created_at) index alone; statuses read for the busiest few only.
  const { rows } = await sql<BurstSignal>`
WITH busy AS (
  SELECT date_trunc('minute', created_at) AS minute FROM signature
   WHERE campaign_id = ${campaignId} GROUP BY 1 HAVING count(*) >= ${perMinute} ORDER BY count(*) DESC, 1 LIMIT 20
)
SELECT b.minute, ${statusColumns}
  FROM busy b
  JOIN signature s
    ON s.campaign_id = ${campaignId} AND s.created_at >= b.minute AND s.created_at < b.minute + interval '1 minute'
 GROUP BY b.minute ORDER BY b.minute`.execute(db);
  return rows;
}

async function nearCopySignals(campaignId: string, min: number): Promise<NearCopySignal[]> {
  const { rows } = await sql<Omit<NearCopySignal, "byStatus"> & { by_status: Record<string, number> }>`
WITH g AS (
  SELECT body_fingerprint AS fingerprint, count(*)::int AS letters,
         min(confirmed_at) AS first, max(confirmed_at) AS last
    FROM letter WHERE campaign_id = ${campaignId} AND body_fingerprint IS NOT NULL
   GROUP BY 1 HAVING count(*) >= ${min} ORDER BY 2 DESC, 1 LIMIT ${limit}
)
SELECT g.*, st.by_status, sample.subject, sample.excerpt
  FROM g
  CROSS JOIN LATERAL (
    SELECT jsonb_object_agg(status, n) AS by_status
      FROM (SELECT status::text, count(*)::int AS n FROM letter
             WHERE campaign_id = ${campaignId} AND body_fingerprint = g.fingerprint GROUP BY 1) x
  ) st
  CROSS JOIN LATERAL (
    SELECT subject, left(body, 200) AS excerpt FROM letter
     WHERE campaign_id = ${campaignId} AND body_fingerprint = g.fingerprint ORDER BY confirmed_at, id LIMIT 1
  ) sample
 ORDER BY g.letters DESC, g.fingerprint`.execute(db);
  return rows.map(({ by_status, ...r }) => ({ ...r, byStatus: by_status }));
}

export type SuspectedSignature = {
  id: string;
  reason: string;
  name: string;
  /** The address with its local part shortened: enough to judge it, without showing it whole. */
  email: string;
  country: string;
  region: string | null;
  comment: string | null;
  createdAt: Date;
};

/** The newest suspected signatures of a campaign, for an organizer to look at one by one. */
export async function listSuspectedSignatures(
  scope: Scope,
  campaignId: string,
  max = 20,
): Promise<SuspectedSignature[]> {
  const campaign = await scope.campaign(campaignId);
  const rows = await db
    .selectFrom("signature")
    .select(["id", "spam_reason", "name", "email", "country", "region", "comment", "created_at"])
    .where("campaign_id", "=", campaign.id)
    .where("status", "=", "suspected")
    .where("email_key", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(max)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reason: r.spam_reason ?? "unknown",
    name: r.name,
    email: maskEmail(r.email),
    country: r.country.trim(),
    region: r.region,
    comment: r.comment ? r.comment.slice(0, 200) : null,
    createdAt: r.created_at,
  }));
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
