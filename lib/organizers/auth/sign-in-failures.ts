// Failed sign-ins, counted per account, per client network and per (account, network) in Postgres (rate_limit rows
// keyed by keyed hashes: no address or email is stored). Only failures count, so an attacker guessing an owner's
// password from elsewhere cannot lock the owner out: a network is refused once it keeps failing, and an account that
// many networks fail on is refused only to the networks that failed on it. Windows read the app's clock.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { clientNetwork } from "@/lib/infra/client-network";
import { keyedHash } from "@/lib/infra/crypto";
import { db } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";

type Keys = { account: string; network: string; pair: string };

function keysFor(email: string, ip: string | null): Keys {
  const account = email.trim().toLowerCase();
  // IPv4 address or IPv6 /64: what one client holds. Unknown addresses share one bucket.
  const network = (ip && clientNetwork(ip)?.rateKey) || "unknown";
  return {
    account: `sign-in-failures:account:${keyedHash("sign-in-account", account)}`,
    network: `sign-in-failures:network:${keyedHash("sign-in-network", network)}`,
    pair: `sign-in-failures:pair:${keyedHash("sign-in-pair", `${account}\n${network}`)}`,
  };
}

const accountWindowMs = () => env.SIGN_IN_ACCOUNT_WINDOW_SECONDS * 1000;
const networkWindowMs = () => env.SIGN_IN_WINDOW_SECONDS * 1000;

/** Seconds until this attempt may be made, or null when it may be made now. */
export async function signInRefusal(email: string, ip: string | null): Promise<{ retryAfter: number } | null> {
  const keys = keysFor(email, ip);
  const at = nowMs();
  const rows = await db
    .selectFrom("rate_limit")
    .select(["key", "count", "last_request"])
    .where("key", "in", [keys.account, keys.network, keys.pair])
    .execute();
  // A counter's window starts at its first failure; `remaining` is 0 once it has passed.
  const remaining = (key: string, windowMs: number, atLeast: number) => {
    const row = rows.find((r) => r.key === key);
    if (!row || row.count < atLeast) return 0;
    return Math.max(0, Number(row.last_request) + windowMs - at);
  };
  const network = remaining(keys.network, networkWindowMs(), env.SIGN_IN_MAX_ATTEMPTS);
  const account = remaining(keys.account, accountWindowMs(), env.SIGN_IN_ACCOUNT_MAX_ATTEMPTS);
  const pair = remaining(keys.pair, accountWindowMs(), 1);
  const wait = Math.max(network, account > 0 && pair > 0 ? Math.min(account, pair) : 0);
  return wait > 0 ? { retryAfter: Math.max(1, Math.ceil(wait / 1000)) } : null;
}

/** One more failure for the account, the network and the two together. */
export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const keys = keysFor(email, ip);
  const at = nowMs();
  const count = (key: string, windowMs: number) => sql`
INSERT INTO rate_limit (id, key, count, last_request) VALUES (${randomUUID()}, ${key}, 1, ${at})
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_limit.last_request <= ${at - windowMs} THEN 1 ELSE rate_limit.count + 1 END,
  last_request = CASE WHEN rate_limit.last_request <= ${at - windowMs} THEN ${at} ELSE rate_limit.last_request END`;
  await db.transaction().execute(async (trx) => {
    await count(keys.account, accountWindowMs()).execute(trx);
    await count(keys.network, networkWindowMs()).execute(trx);
    await count(keys.pair, accountWindowMs()).execute(trx);
  });
}
