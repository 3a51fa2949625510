// Deletes rate windows nobody reads any more: the longest window is an hour, and the previous window is read to
// keep the challenge on, so anything that started over two hours ago (or a spent challenge past its expiry) goes.
import { db } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";

const keepMs = 2 * 3600_000;

export async function sweepRateWindows(): Promise<number> {
  const result = await db
    .deleteFrom("rate_window")
    .where("window_start", "<", new Date(nowMs() - keepMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
