// The abuse checks a public submission passes, at no statement of their own: prepareGuard does what needs no
// database, guardCtes counts the attempt inside the write's own statement and decides there whether the write may
// happen, and enforceGuard turns a refusal into 429 or 428 (with a proof-of-work challenge, and a waiting ticket for
// a browser without JavaScript). A suspected submission is stored as suspected.
import "server-only";
import { sql, type RawBuilder } from "kysely";
import { now } from "@/lib/infra/clock";
import { keyedHash } from "@/lib/infra/crypto";
import { AppError } from "@/lib/infra/errors";
import { clientNetwork } from "@/lib/infra/client-network";
import { detectSpam, type SpamReason } from "./detect-spam";
import type { FormKind } from "@/lib/infra/security/form-token";
import { issueChallenge, issueWaitTicket } from "./issue-challenge";
import { countAbuse, rateKeysFor, type RateKey } from "./rate-keys";
import type { AbuseFields, WaitTicket } from "./schema";
import { verifyChallenge } from "./verify-challenge";

export type Submission = { kind: FormKind; slug: string; ip: string | null; emailKey: string; fields: AbuseFields };

export type Guard = {
  kind: FormKind;
  slug: string;
  spamReason: SpamReason | null;
  /** Keyed hashes of the address and its network, stored with the submission. */
  ipHash: string | null;
  networkHash: string | null;
  /** The client's network (IPv4 /24, IPv6 /48), which suspicion is counted under; null when unknown. */
  network: string | null;
  /** The counters this attempt is counted under, and the challenge solution it spends (single use). */
  keys: RateKey[];
  spend: { key: string; expiresAt: number } | null;
  /** A waiting ticket sent too early: asked again, the same ticket comes back with the seconds left. */
  early: WaitTicket | null;
  /** The time the windows are read at (lib/infra/clock.ts). */
  at: Date;
};

/** What the write's statement returns from `verdict`. */
export type GuardRow = { retry_after: number | null; allowed: boolean };

export function prepareGuard({ kind, slug, ip, emailKey, fields }: Submission): Guard {
  const at = now();
  const spamReason = detectSpam(kind, fields, at.getTime());
  const net = ip ? clientNetwork(ip) : null;
  const solution = fields.challenge ? verifyChallenge(fields.challenge, kind, slug, at.getTime()) : null;
  return {
    kind,
    slug,
    spamReason,
    ipHash: ip ? keyedHash("ip", ip) : null,
    networkHash: net ? keyedHash("network", net.network) : null,
    network: net?.network ?? null,
    keys: rateKeysFor({
      kind,
      slug,
      ipKey: net?.rateKey ?? ip,
      network: net?.network ?? null,
      emailKey,
      suspected: spamReason !== null,
    }),
    spend: solution?.ok ? { key: solution.spentKey, expiresAt: solution.expiresAt } : null,
    early:
      solution && !solution.ok && solution.reason === "too_early"
        ? { token: fields.challenge!.token, waitSeconds: solution.waitSeconds }
        : null,
    at,
  };
}

/**
 * The CTEs that open the write's WITH. They count the attempt under every key (in one key order in every statement,
 * so concurrent requests never deadlock), record a challenge solution as spent (single use), and end in
 * `verdict (retry_after, allowed)`: retry_after when a hard limit is exceeded (seconds until its window frees),
 * allowed unless so, or the challenge is on and this request did not bring a fresh solution. The previous window
 * counts too, so the challenge stays on for a while after a burst.
 */
export function guardCtes({ keys, spend, at }: Guard): RawBuilder<unknown> {
  const spentKey = spend?.key ?? null;
  return sql`
k AS (
  SELECT key, seconds, bump, lim, trig,
         to_timestamp(floor(extract(epoch FROM ${at}::timestamptz) / seconds) * seconds) AS window_start
    FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.seconds)}::int[],
                ${keys.map((k) => k.bump)}::boolean[], ${keys.map((k) => k.limit ?? null)}::int[],
                ${keys.map((k) => k.trigger ?? null)}::int[]) AS t(key, seconds, bump, lim, trig)
), hit AS (
  INSERT INTO rate_window AS w (key, window_start, hits)
  SELECT key, window_start, 1 FROM k WHERE bump ORDER BY key
  ON CONFLICT (key, window_start) DO UPDATE SET hits = w.hits + 1
  RETURNING w.key, w.hits
), spent AS (
  INSERT INTO rate_window (key, window_start, hits)
  SELECT ${spentKey}::text, to_timestamp(${spend?.expiresAt ?? null}::bigint), 1 WHERE ${spentKey}::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING key
), rate AS (
  SELECT k.lim, k.trig, COALESCE(hit.hits, cur.hits, 0) AS hits, COALESCE(prev.hits, 0) AS previous_hits,
         ceil(extract(epoch FROM k.window_start + make_interval(secs => k.seconds) - ${at}::timestamptz))::int AS retry_after
    FROM k
    LEFT JOIN hit ON hit.key = k.key
    LEFT JOIN rate_window cur ON cur.key = k.key AND cur.window_start = k.window_start
    LEFT JOIN rate_window prev ON prev.key = k.key AND prev.window_start = k.window_start - make_interval(secs => k.seconds)
), verdict AS (
  SELECT v.retry_after, v.retry_after IS NULL AND (NOT v.challenge_on OR v.solved) AS allowed
    FROM (SELECT max(greatest(retry_after, 1)) FILTER (WHERE hits > lim) AS retry_after,
                 COALESCE(bool_or(greatest(hits, previous_hits) >= trig), false) AS challenge_on,
                 EXISTS (SELECT 1 FROM spent) AS solved
            FROM rate) v
)`;
}

/** Throws what a refused write answers; a flood of refused requests also counts towards the challenge. */
export async function enforceGuard(guard: Guard, row: GuardRow): Promise<void> {
  if (row.retry_after !== null) {
    await countAbuse(guard.kind, guard.slug, guard.network, guard.at);
    throw new AppError("rate_limited", undefined, undefined, { retryAfter: row.retry_after });
  }
  if (!row.allowed)
    throw new AppError("challenge_required", undefined, undefined, {
      challenge: issueChallenge(guard.kind, guard.slug),
      waitTicket: guard.early ?? issueWaitTicket(guard.kind, guard.slug),
    });
}
