// Everything a public submission passes before it is written: the silent checks (honeypot, time to submit), the
// rate limits, and the challenge when it is on. Throws `rate_limited` (429) or `challenge_required` (428);
// otherwise says how to store the submission: suspected or not, and the keyed hashes of the address and network.
import "server-only";
import { keyedHash } from "../crypto";
import { AppError } from "../errors";
import { checkRateLimit } from "./check-rate-limit";
import { clientNetwork } from "./client-network";
import { detectSpam, type SpamReason } from "./detect-spam";
import type { FormKind } from "./form-token";
import { issueChallenge } from "./issue-challenge";
import type { AbuseFields } from "./schema";
import { verifyChallenge } from "./verify-challenge";

export type Submission = { kind: FormKind; slug: string; ip: string | null; emailKey: string; fields: AbuseFields };
export type Verdict = { spamReason: SpamReason | null; ipHash: string | null; networkHash: string | null };

export async function guardSubmission({ kind, slug, ip, emailKey, fields }: Submission): Promise<Verdict> {
  const spamReason = detectSpam(kind, fields);
  const net = ip ? clientNetwork(ip) : null;
  const solution = fields.challenge ? verifyChallenge(fields.challenge, kind, slug) : null;
  const rate = await checkRateLimit({
    kind,
    slug,
    ipKey: net?.rateKey ?? ip,
    network: net?.network ?? null,
    emailKey,
    suspected: spamReason !== null,
    spend: solution?.ok ? { key: solution.spentKey, expiresAt: solution.expiresAt } : undefined,
  });
  if (rate.retryAfter !== null) throw new AppError("rate_limited", undefined, undefined, { retryAfter: rate.retryAfter });
  if (rate.challengeActive && !(solution?.ok && rate.spent)) {
    throw new AppError("challenge_required", undefined, undefined, { challenge: issueChallenge(kind, slug) });
  }
  return {
    spamReason,
    ipHash: ip ? keyedHash("ip", ip) : null,
    networkHash: net ? keyedHash("network", net.network) : null,
  };
}
