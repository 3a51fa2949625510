// A stateless proof-of-work challenge: what it is for (form, campaign), when it expires and how hard it is, signed
// with the app secret. Nothing is stored until it is used (verify-challenge.ts, guard-submission.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";
import type { FormKind } from "@/lib/infra/security/form-token";
import type { Challenge } from "./schema";

export type ChallengeClaims = { k: FormKind; c: string; e: number; d: number; r: string };

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

export function signClaims(claims: ChallengeClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${keyedHash("challenge", body)}`;
}
