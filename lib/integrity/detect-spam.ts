// The silent checks: a filled honeypot, or a form sent back sooner than a person could fill it in (or without a
// form token we signed). Such submissions are stored as suspected and answered exactly like any other.
import "server-only";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { formTokenIssuedAt, type FormKind } from "@/lib/infra/security/form-token";
import type { AbuseFields } from "./schema";

export type SpamReason = "honeypot" | "no_token" | "bad_token" | "too_fast";

export function detectSpam(kind: FormKind, fields: AbuseFields, now = nowMs()): SpamReason | null {
  if (fields.website && fields.website.trim() !== "") return "honeypot";
  if (!fields.formToken) return "no_token";
  const issuedAt = formTokenIssuedAt(fields.formToken, kind);
  if (issuedAt === null) return "bad_token";
  const minimum = (kind === "sign" ? env.SIGN_MIN_SECONDS : env.LETTER_MIN_SECONDS) * 1000;
  return now - issuedAt < minimum ? "too_fast" : null;
}
