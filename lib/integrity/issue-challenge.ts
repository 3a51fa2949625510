// A stateless proof-of-work challenge: what it is for (form, campaign), when it expires and how hard it is, signed
// with the app secret. Nothing is stored until it is used (verify-challenge.ts, guard-submission.ts). A browser
// without JavaScript gets a waiting ticket instead: the same claims with no work and a time it counts from.
import "server-only";
import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";
import type { FormKind } from "@/lib/infra/security/form-token";
import type { Challenge, WaitTicket } from "./schema";

/** Form, campaign, expiry and difficulty; `n`, on a waiting ticket, the time (s) before which it does not count. */
export type ChallengeClaims = { k: FormKind; c: string; e: number; d: number; r: string; n?: number };

export function issueChallenge(kind: FormKind, slug: string, now = Date.now()): Challenge {
  const claims: ChallengeClaims = {
    k: kind,
    c: slug,
    e: Math.floor(now / 1000) + env.CHALLENGE_TTL_SECONDS,
    d: env.CHALLENGE_DIFFICULTY,
    r: randomBytes(12).toString("base64url"),
  };
  return { token: signClaims(claims), difficulty: claims.d, algorithm: "sha256-leading-zero-bits" };
}

export function issueWaitTicket(kind: FormKind, slug: string, now = Date.now()): WaitTicket {
  const at = Math.floor(now / 1000);
  const claims: ChallengeClaims = {
    k: kind,
    c: slug,
    e: at + env.CHALLENGE_WAIT_SECONDS + env.CHALLENGE_TTL_SECONDS,
    d: 0,
    r: randomBytes(12).toString("base64url"),
    n: at + env.CHALLENGE_WAIT_SECONDS,
  };
  return { token: signClaims(claims), waitSeconds: env.CHALLENGE_WAIT_SECONDS };
}

export function signClaims(claims: ChallengeClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${keyedHash("challenge", body)}`;
}
