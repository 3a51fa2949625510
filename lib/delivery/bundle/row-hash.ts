// The hash of a row as a bundle includes it (after the signer's or writer's appearance choice and the removal of
// email addresses), not of the database row. The target and anyone they show the bundle to can then recompute
// every row hash from bundle.json alone, without the personal data we withheld (emails, postal codes, the names of
// signers counted without one) — and a hash of that withheld data would let a reader test guesses against it.
// Changes to the stored rows are caught by the keyed sourceRowHash instead.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { IncludedLetter, IncludedSigner } from "./types";

/** SHA-256 (hex) of the row's canonical JSON, UTF-8. */
export function rowHash(row: IncludedSigner | IncludedLetter): string {
  return createHash("sha256").update(canonicalJson(row), "utf8").digest("hex");
}
