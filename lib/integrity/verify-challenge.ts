// Checks a solved challenge without touching the database: our signature, the same form and campaign, not expired,
// and the work done (a waiting ticket: no work, and its time has come). Single use is enforced by the caller, which records the spent key in Postgres.
import "server-only";
import { createHash } from "node:crypto";
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import type { FormKind } from "@/lib/infra/security/form-token";
import type { ChallengeClaims } from "./issue-challenge";
import { hasLeadingZeroBits, powInput } from "./proof-of-work";
import type { ChallengeSolution } from "./schema";

export type ChallengeCheck =
  | { ok: true; spentKey: string; expiresAt: number }
  | { ok: false; reason: "forged" | "wrong_campaign" | "expired" | "unsolved" }
  /** A waiting ticket posted before its time: the same ticket counts `waitSeconds` later. */
  | { ok: false; reason: "too_early"; waitSeconds: number };

export function verifyChallenge(
  solution: ChallengeSolution,
  kind: FormKind,
  slug: string,
  now = Date.now(),
): ChallengeCheck {
  const [body, mac, ...rest] = solution.token.split(".");
  if (!body || !mac || rest.length > 0 || !safeEqual(mac, keyedHash("challenge", body)))
    return { ok: false, reason: "forged" };
  let claims: ChallengeClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as ChallengeClaims;
  } catch {
    return { ok: false, reason: "forged" };
  }
  if (claims.k !== kind || claims.c !== slug) return { ok: false, reason: "wrong_campaign" };
  if (!(claims.e * 1000 > now)) return { ok: false, reason: "expired" };
  if (claims.n !== undefined && claims.n * 1000 > now)
    return { ok: false, reason: "too_early", waitSeconds: Math.ceil((claims.n * 1000 - now) / 1000) };
  const digest = createHash("sha256").update(powInput(solution.token, solution.nonce)).digest();
  if (!hasLeadingZeroBits(digest, claims.d)) return { ok: false, reason: "unsolved" };
  return { ok: true, spentKey: `challenge:spent:${keyedHash("challenge-spent", body)}`, expiresAt: claims.e };
}
