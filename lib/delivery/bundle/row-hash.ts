// The hash of a row as the bundle includes it, after the appearance choice and the removal of email addresses.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { IncludedLetter, IncludedSigner } from "./types";

/**
 * The included form, not the database row: the target, and anyone they show the bundle to, can recompute every
 * row hash from bundle.json alone, without the personal data we withheld (emails, postal codes, the names of
 * signers counted without one) — and a hash over withheld data would let a reader test guesses against it.
 * Changes to the stored rows are caught by the keyed sourceRowHash instead.
 */
export function rowHash(row: IncludedSigner | IncludedLetter): string {
  return createHash("sha256").update(canonicalJson(row), "utf8").digest("hex");
}
