// Deletes rate windows nobody reads any more: the longest window is an hour, and the previous window is read to
// keep the challenge on, so anything that started over two hours ago (or a spent challenge past its expiry) goes.
// better-auth's sign-in counters (`rate_limit`) expire the same way, once past the longest sign-in window.
import { db } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";

const keepMs = 2 * 3600_000;

export async function sweepRateWindows(): Promise<number> {
  const at = nowMs();
  const windows = await db
    .deleteFrom("rate_window")
    .where("window_start", "<", new Date(at - keepMs))
    .executeTakeFirst();
  const signInKeepMs = Math.max(
    keepMs,
    2 * 1000 * Math.max(env.SIGN_IN_WINDOW_SECONDS, env.SIGN_IN_ACCOUNT_WINDOW_SECONDS),
  );
  const signIn = await db
    .deleteFrom("rate_limit")
    .where("last_request", "<", String(at - signInKeepMs))
    .executeTakeFirst();
  return Number(windows.numDeletedRows) + Number(signIn.numDeletedRows);
}
