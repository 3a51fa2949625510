// The keyed hash of a row's raw database fields, kept in the manifest beside the included row's hash, so that a
// later change to a bundled row (a name edited, a status flipped, a time back-dated) is found by re-hashing it.
import { createHmac } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { LetterRow, RowKind, SignerRow } from "./types";

/**
 * An HMAC under a server key, not a plain hash: the manifest is public, and a plain hash of (name, email key, ...)
 * would let anyone confirm a guess of who signed. Only the server can recompute it (findChangedRows); the target
 * checks the included rows instead.
 */
/** HMAC-SHA256 (hex) of the row's canonical JSON under `key` (see deriveSourceKey). */
export function sourceRowHash(kind: RowKind, row: SignerRow | LetterRow, key: Buffer): string {
  // A time read as a Date or as text must hash alike; topic order is not meaningful (a join table).
  const raw: Record<string, unknown> = { ...row, confirmedAt: new Date(row.confirmedAt).toISOString() };
  if ("topics" in row) raw.topics = [...row.topics].sort();
  return createHmac("sha256", key)
    .update(canonicalJson({ kind, row: raw }), "utf8")
    .digest("hex");
}
