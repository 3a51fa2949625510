// Counts this attempt under every key that applies, in one statement before the write: fixed windows in Postgres
// (`rate_window`), so every app server counts the same requests. The statement also reads what decides whether
// the challenge is on, and records a challenge solution as spent (single use).
import "server-only";
import { pool } from "../db";
import { env } from "../env";
import { keyedHash } from "../crypto";
import type { FormKind } from "./form-token";

export type RateInput = {
  kind: FormKind;
  slug: string;
  /** The IPv4 address or IPv6 /64 (client-network.ts); null when unknown. */
  ipKey: string | null;
  /** The IPv4 /24 or IPv6 /48. */
  network: string | null;
  emailKey: string;
  /** This attempt was caught by a silent check: it counts towards turning the challenge on. */
  suspected: boolean;
  /** A verified challenge solution to record as spent. */
  spend?: { key: string; expiresAt: number };
};

export type RateResult = {
  /** Seconds until the exceeded window frees, when a hard limit is exceeded. */
  retryAfter: number | null;
  /** Whether this request must carry a solved challenge. */
  challengeActive: boolean;
  /** Whether the given solution was recorded now (false: it had been used before). */
  spent: boolean;
};

type Key = { key: string; seconds: number; bump: boolean; limit?: number; trigger?: number };

const rateSql = `
WITH k AS (
  SELECT key, seconds, bump, to_timestamp(floor(extract(epoch FROM now()) / seconds) * seconds) AS window_start
    FROM unnest($1::text[], $2::int[], $3::boolean[]) AS t(key, seconds, bump)
), hit AS (
  -- Keys in one order in every statement: concurrent requests lock them in the same sequence, never a deadlock.
  INSERT INTO rate_window AS w (key, window_start, hits)
  SELECT key, window_start, 1 FROM k WHERE bump ORDER BY key
  ON CONFLICT (key, window_start) DO UPDATE SET hits = w.hits + 1
  RETURNING w.key, w.hits
), spent AS (
  INSERT INTO rate_window (key, window_start, hits)
  SELECT $4::text, to_timestamp($5::bigint), 1 WHERE $4::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING key
)
SELECT k.key,
       COALESCE(hit.hits, cur.hits, 0)::int AS hits,
       COALESCE(prev.hits, 0)::int AS previous_hits,
       ceil(extract(epoch FROM k.window_start + make_interval(secs => k.seconds) - now()))::int AS retry_after,
       EXISTS (SELECT 1 FROM spent) AS spent
  FROM k
  LEFT JOIN hit ON hit.key = k.key
  LEFT JOIN rate_window cur ON cur.key = k.key AND cur.window_start = k.window_start
  LEFT JOIN rate_window prev ON prev.key = k.key AND prev.window_start = k.window_start - make_interval(secs => k.seconds)`;

type Row = { key: string; hits: number; previous_hits: number; retry_after: number; spent: boolean };

export async function checkRateLimit(input: RateInput): Promise<RateResult> {
  const keys = keysFor(input);
  const { rows } = await pool.query<Row>({
    // Prepared once per connection: Postgres parses it once, not on every request.
    name: "check-rate-limit",
    text: rateSql,
    values: [
      keys.map((k) => k.key),
      keys.map((k) => k.seconds),
      keys.map((k) => k.bump),
      input.spend?.key ?? null,
      input.spend?.expiresAt ?? null,
    ],
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let retryAfter: number | null = null;
  let challengeActive = false;
  for (const k of keys) {
    const row = byKey.get(k.key);
    if (!row) continue;
    if (k.limit !== undefined && row.hits > k.limit) retryAfter = Math.max(retryAfter ?? 1, row.retry_after);
    // The previous window counts too, so the challenge stays on for a while after a burst.
    if (k.trigger !== undefined && Math.max(row.hits, row.previous_hits) >= k.trigger) challengeActive = true;
  }
  if (retryAfter !== null) await countAbuse(input.kind, input.slug);
  return { retryAfter, challengeActive, spent: rows[0]?.spent ?? false };
}

/** Campaign-wide signs of abuse (suspected submissions, limits hit) in five-minute windows. */
const abuseKey = (kind: FormKind, slug: string) => `${kind}:abuse:${slug}`;

function keysFor(input: RateInput): Key[] {
  const { kind } = input;
  const keys: Key[] = [
    { key: `${kind}:email:${keyedHash("rate-email", input.emailKey)}`, seconds: 3600, bump: true, limit: env.RATE_EMAIL_HOURLY },
    { key: `${kind}:campaign:${input.slug}`, seconds: 60, bump: true, trigger: env.CHALLENGE_CAMPAIGN_PER_MINUTE },
    { key: abuseKey(kind, input.slug), seconds: 300, bump: input.suspected, trigger: env.CHALLENGE_SUSPECT_PER_5_MINUTES },
  ];
  if (input.ipKey) {
    const ip = keyedHash("rate-ip", input.ipKey);
    keys.push(
      { key: `${kind}:ip-burst:${ip}`, seconds: env.RATE_IP_BURST_SECONDS, bump: true, limit: env.RATE_IP_BURST },
      { key: `${kind}:ip-hour:${ip}`, seconds: 3600, bump: true, limit: env.RATE_IP_HOURLY },
    );
  }
  if (input.network) {
    keys.push({ key: `${kind}:network:${keyedHash("rate-network", input.network)}`, seconds: 600, bump: true, trigger: env.CHALLENGE_NETWORK_PER_10_MINUTES });
  }
  return keys;
}

/** Only on the 429 path: one more statement, so that a flood of refused requests turns the challenge on. */
async function countAbuse(kind: FormKind, slug: string): Promise<void> {
  await pool.query(
    `INSERT INTO rate_window AS w (key, window_start, hits)
     VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / 300) * 300), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET hits = w.hits + 1`,
    [abuseKey(kind, slug)],
  );
}
