// Sign-in attempts per account, counted in Postgres next to better-auth's per-address counters (rate_limit table,
// keys "account:<keyed hash of the address>"): rotating client addresses does not buy more guesses at one password.
// One atomic statement: a fresh window starts at 1, else the count goes up; the attempt is refused above the limit.
import { randomUUID } from "node:crypto";
import { sql, type Selectable } from "kysely";
import type { RateLimit } from "@/lib/generated/kysely/types";
import { db } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { keyedHash } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";

export async function accountAttemptAllowed(email: string): Promise<boolean> {
  const key = `account:${keyedHash("sign-in", email.trim().toLowerCase())}`;
  const at = nowMs();
  // A counter whose last attempt came before this starts a fresh window.
  const windowStart = at - env.SIGN_IN_ACCOUNT_WINDOW_SECONDS * 1000;
  const { rows } = await sql<Pick<Selectable<RateLimit>, "count">>`
INSERT INTO rate_limit (id, key, count, last_request) VALUES (${randomUUID()}, ${key}, 1, ${at})
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_limit.last_request < ${windowStart} THEN 1 ELSE rate_limit.count + 1 END,
  last_request = CASE WHEN rate_limit.last_request < ${windowStart} THEN ${at} ELSE rate_limit.last_request END
RETURNING count`.execute(db);
  return rows[0]!.count <= env.SIGN_IN_ACCOUNT_MAX_ATTEMPTS;
}
