// Whether the proof-of-work challenge is on for a campaign right now, read from the same counters the guard decides
// with (rate-keys.ts): on for everyone when the campaign's attempts per minute passed their trigger, or on for some
// networks when suspected attempts from one network did. Like the guard, the previous window counts too.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import type { FormKind } from "@/lib/infra/security/form-token";
import { abusePrefix, campaignKey } from "./rate-keys";

export type ChallengeStatus = "everyone" | "networks";

const kinds: FormKind[] = ["sign", "letter"];
const campaignSeconds = 60;
const abuseSeconds = 300;

const windowStart = (at: Date, seconds: number) => Math.floor(at.getTime() / (seconds * 1000)) * seconds * 1000;

/** By slug, the campaigns whose challenge is on at `at`; a campaign not in the map asks no one. One query. */
export async function challengeStatus(slugs: string[], at: Date): Promise<Map<string, ChallengeStatus>> {
  const out = new Map<string, ChallengeStatus>();
  if (slugs.length === 0) return out;
  const since = new Date(windowStart(at, abuseSeconds) - abuseSeconds * 1000);
  const campaignKeys = slugs.flatMap((slug) => kinds.map((kind) => campaignKey(kind, slug)));
  const patterns = slugs.flatMap((slug) =>
    kinds.map((kind) => `${abusePrefix(kind, slug).replace(/[\\%_]/g, "\\$&")}%`),
  );
  const rows = await db
    .selectFrom("rate_window")
    .select(["key", "window_start", "hits"])
    .where("window_start", ">=", since)
    .where("window_start", "<=", at)
    .where((eb) =>
      eb.or([
        eb("key", "=", sql<string>`ANY(${campaignKeys}::text[])`),
        sql<boolean>`key LIKE ANY(${patterns}::text[])`,
      ]),
    )
    .execute();
  const campaignWindows = [windowStart(at, campaignSeconds), windowStart(at, campaignSeconds) - campaignSeconds * 1000];
  const abuseWindows = [windowStart(at, abuseSeconds), windowStart(at, abuseSeconds) - abuseSeconds * 1000];
  for (const slug of slugs) {
    const everyone = rows.some(
      (r) =>
        kinds.some((kind) => r.key === campaignKey(kind, slug)) &&
        campaignWindows.includes(r.window_start.getTime()) &&
        r.hits >= env.CHALLENGE_CAMPAIGN_PER_MINUTE,
    );
    const networks = rows.some(
      (r) =>
        kinds.some((kind) => r.key.startsWith(abusePrefix(kind, slug))) &&
        abuseWindows.includes(r.window_start.getTime()) &&
        r.hits >= env.CHALLENGE_SUSPECT_PER_5_MINUTES,
    );
    if (everyone) out.set(slug, "everyone");
    else if (networks) out.set(slug, "networks");
  }
  return out;
}
