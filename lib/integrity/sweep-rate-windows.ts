// Deletes rate windows nobody reads any more: the longest window is an hour, and the previous window is read to
// keep the challenge on, so anything that started over two hours ago (or a spent challenge past its expiry) goes.
import { pool } from "@/lib/infra/db";

export async function sweepRateWindows(): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM rate_window WHERE window_start < now() - interval '2 hours'`);
  return rowCount ?? 0;
}
