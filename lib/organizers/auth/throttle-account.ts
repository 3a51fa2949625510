// Sign-in attempts per account, counted in Postgres next to better-auth's per-address counters (rate_limit table,
// keys "account:<keyed hash of the address>"): rotating client addresses does not buy more guesses at one password.
// One atomic statement: a fresh window starts at 1, otherwise the count goes up; the attempt is refused above the limit.
import { randomUUID } from "node:crypto";
import { pool } from "@/lib/infra/db";
import { keyedHash } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";

export async function accountAttemptAllowed(email: string): Promise<boolean> {
  const key = `account:${keyedHash("sign-in", email.trim().toLowerCase())}`;
  const now = Date.now();
  const windowMs = env.SIGN_IN_ACCOUNT_WINDOW_SECONDS * 1000;
  const { rows } = await pool.query<{ count: number }>(
    `INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 1, $3)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limit.last_request < $3 - $4 THEN 1 ELSE rate_limit.count + 1 END,
       last_request = CASE WHEN rate_limit.last_request < $3 - $4 THEN $3 ELSE rate_limit.last_request END
     RETURNING count`,
    [randomUUID(), key, now, windowMs],
  );
  return rows[0]!.count <= env.SIGN_IN_ACCOUNT_MAX_ATTEMPTS;
}
