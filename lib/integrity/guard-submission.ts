// Everything a public submission passes before it is stored: the silent checks (honeypot, time to submit), the
// rate limits, and the challenge when it is on. They cost no statement of their own: `prepareGuard` does what
// needs no database, `guardCtes` counts the attempt at the start of the write's own statement and decides there
// whether the write may happen (`verdict.allowed`), and `enforceGuard` turns a refusal into `rate_limited` (429)
// or `challenge_required` (428). A suspected submission is allowed: it is stored as suspected.
import "server-only";
import { keyedHash } from "@/lib/infra/crypto";
import { AppError } from "@/lib/infra/errors";
import { clientNetwork } from "./client-network";
import { detectSpam, type SpamReason } from "./detect-spam";
import type { FormKind } from "@/lib/infra/security/form-token";
import { issueChallenge } from "./issue-challenge";
import { countAbuse, rateKeysFor } from "./rate-keys";
import type { AbuseFields } from "./schema";
import { verifyChallenge } from "./verify-challenge";

export type Submission = { kind: FormKind; slug: string; ip: string | null; emailKey: string; fields: AbuseFields };

export type Guard = {
  kind: FormKind;
  slug: string;
  spamReason: SpamReason | null;
  /** Keyed hashes of the address and its network, stored with the submission. */
  ipHash: string | null;
  networkHash: string | null;
  /** The values of guardCtes' parameters, in order. */
  values: unknown[];
};

/** What the write's statement returns from `verdict`. */
export type GuardRow = { retry_after: number | null; allowed: boolean };

export function prepareGuard({ kind, slug, ip, emailKey, fields }: Submission): Guard {
  const spamReason = detectSpam(kind, fields);
  const net = ip ? clientNetwork(ip) : null;
  const solution = fields.challenge ? verifyChallenge(fields.challenge, kind, slug) : null;
  const spend = solution?.ok ? { key: solution.spentKey, expiresAt: solution.expiresAt } : null;
  const keys = rateKeysFor({
    kind,
    slug,
    ipKey: net?.rateKey ?? ip,
    network: net?.network ?? null,
    emailKey,
    suspected: spamReason !== null,
  });
  return {
    kind,
    slug,
    spamReason,
    ipHash: ip ? keyedHash("ip", ip) : null,
    networkHash: net ? keyedHash("network", net.network) : null,
    values: [
      keys.map((k) => k.key),
      keys.map((k) => k.seconds),
      keys.map((k) => k.bump),
      keys.map((k) => k.limit ?? null),
      keys.map((k) => k.trigger ?? null),
      spend?.key ?? null,
      spend?.expiresAt ?? null,
    ],
  };
}

/**
 * The CTEs that open the write's WITH, with the guard's values as parameters $first to $first+6. They count the
 * attempt under every key (in one key order in every statement, so concurrent requests never deadlock), record a
 * challenge solution as spent (single use), and end in `verdict (retry_after, allowed)`: retry_after when a hard
 * limit is exceeded (seconds until its window frees), allowed unless so, or the challenge is on and this request did
 * not bring a fresh solution. The previous window counts too, so the challenge stays on for a while after a burst.
 */
export function guardCtes(first: number): string {
  const [keys, seconds, bump, limits, triggers, spendKey, spendExpiry] = Array.from(
    { length: 7 },
    (_, i) => `$${first + i}`,
  );
  return `
k AS (
  SELECT key, seconds, bump, lim, trig, to_timestamp(floor(extract(epoch FROM now()) / seconds) * seconds) AS window_start
    FROM unnest(${keys}::text[], ${seconds}::int[], ${bump}::boolean[], ${limits}::int[], ${triggers}::int[]) AS t(key, seconds, bump, lim, trig)
), hit AS (
  INSERT INTO rate_window AS w (key, window_start, hits)
  SELECT key, window_start, 1 FROM k WHERE bump ORDER BY key
  ON CONFLICT (key, window_start) DO UPDATE SET hits = w.hits + 1
  RETURNING w.key, w.hits
), spent AS (
  INSERT INTO rate_window (key, window_start, hits)
  SELECT ${spendKey}::text, to_timestamp(${spendExpiry}::bigint), 1 WHERE ${spendKey}::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING key
), rate AS (
  SELECT k.lim, k.trig, COALESCE(hit.hits, cur.hits, 0) AS hits, COALESCE(prev.hits, 0) AS previous_hits,
         ceil(extract(epoch FROM k.window_start + make_interval(secs => k.seconds) - now()))::int AS retry_after
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
    await countAbuse(guard.kind, guard.slug);
    throw new AppError("rate_limited", undefined, undefined, { retryAfter: row.retry_after });
  }
  if (!row.allowed)
    throw new AppError("challenge_required", undefined, undefined, {
      challenge: issueChallenge(guard.kind, guard.slug),
    });
}
