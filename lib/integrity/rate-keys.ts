// The counters an attempt is counted under: fixed windows in Postgres (`rate_window`), so every app server counts
// the same requests. Hard limits (per email, per address) refuse with 429; triggers (per campaign, per network,
// suspected attempts from a network) turn the challenge on. guard-submission.ts counts them in the same statement as the write.
import "server-only";
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { keyedHash } from "@/lib/infra/crypto";
import type { FormKind } from "@/lib/infra/security/form-token";

export type RateInput = {
  kind: FormKind;
  slug: string;
  /** The IPv4 address or IPv6 /64 (lib/infra/client-network.ts); null when unknown. */
  ipKey: string | null;
  /** The IPv4 /24 or IPv6 /48. */
  network: string | null;
  emailKey: string;
  /** This attempt was caught by a silent check: it counts towards turning the challenge on. */
  suspected: boolean;
};

export type RateKey = { key: string; seconds: number; bump: boolean; limit?: number; trigger?: number };

/**
 * Signs of abuse (suspected submissions, limits hit) on a campaign from one client network, in five-minute windows:
 * one client's junk slows that network down, never everyone signing the campaign.
 */
const abuseKey = (kind: FormKind, slug: string, network: string | null) =>
  `${abusePrefix(kind, slug)}${network ? keyedHash("rate-network", network) : "unknown"}`;

/** Every network's abuse counter of a campaign starts with this (lib/integrity/challenge-status.ts reads them). */
export const abusePrefix = (kind: FormKind, slug: string) => `${kind}:abuse:${slug}:`;

/** Attempts on a campaign from everyone, per minute: past the trigger, the challenge is on for all. */
export const campaignKey = (kind: FormKind, slug: string) => `${kind}:campaign:${slug}`;

export function rateKeysFor(input: RateInput): RateKey[] {
  const { kind } = input;
  const keys: RateKey[] = [
    {
      key: `${kind}:email:${keyedHash("rate-email", input.emailKey)}`,
      seconds: 3600,
      bump: true,
      limit: env.RATE_EMAIL_HOURLY,
    },
    { key: campaignKey(kind, input.slug), seconds: 60, bump: true, trigger: env.CHALLENGE_CAMPAIGN_PER_MINUTE },
    {
      key: abuseKey(kind, input.slug, input.network),
      seconds: 300,
      bump: input.suspected,
      trigger: env.CHALLENGE_SUSPECT_PER_5_MINUTES,
    },
  ];
  if (input.ipKey) {
    const ip = keyedHash("rate-ip", input.ipKey);
    keys.push(
      { key: `${kind}:ip-burst:${ip}`, seconds: env.RATE_IP_BURST_SECONDS, bump: true, limit: env.RATE_IP_BURST },
      { key: `${kind}:ip-hour:${ip}`, seconds: 3600, bump: true, limit: env.RATE_IP_HOURLY },
    );
  }
  if (input.network) {
    keys.push({
      key: `${kind}:network:${keyedHash("rate-network", input.network)}`,
      seconds: 600,
      bump: true,
      trigger: env.CHALLENGE_NETWORK_PER_10_MINUTES,
    });
  }
  return keys;
}

/** Only on the 429 path: one more statement, so that a flood of refused requests turns the challenge on. */
export async function countAbuse(kind: FormKind, slug: string, network: string | null, at: Date): Promise<void> {
  const windowStart = new Date(Math.floor(at.getTime() / 300_000) * 300_000);
  await db
    .insertInto("rate_window")
    .values({ key: abuseKey(kind, slug, network), window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ hits: eb("rate_window.hits", "+", 1) })),
    )
    .execute();
}
