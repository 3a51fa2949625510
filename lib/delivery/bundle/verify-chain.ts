// Checks that a manifest follows the one before it: it names the previous manifest's SHA-256, belongs to the same
// campaign, is later, and every row of the previous bundle is either still there or listed as a removal with a
// reason. A signature that leaves the count silently is the one thing this record must never allow.
import { createHash } from "node:crypto";
import type { BundleProblem } from "./verify-bundle";
import type { Manifest } from "./types";

export function verifyChain(previousBytes: Buffer, currentBytes: Buffer): { ok: boolean; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const previous = JSON.parse(previousBytes.toString("utf8")) as Manifest;
  const current = JSON.parse(currentBytes.toString("utf8")) as Manifest;
  const previousSha256 = createHash("sha256").update(previousBytes).digest("hex");
  if (current.previousManifestSha256 !== previousSha256) {
    problems.push({
      code: "chain_broken",
      message: `previousManifestSha256 is ${current.previousManifestSha256}, not ${previousSha256}`,
    });
  }
  if (current.campaign.id !== previous.campaign.id)
    problems.push({ code: "chain_campaign", message: "the manifests are different campaigns'" });
  if (!(current.generatedAt > previous.generatedAt))
    problems.push({ code: "chain_time", message: "the manifest is not later than the previous one" });
  const present = new Set(current.rows.map((r) => `${r.kind}:${r.id}`));
  const removed = new Set(current.removals.map((r) => `${r.kind}:${r.id}`));
  for (const key of removed) {
    if (present.has(key))
      problems.push({ code: "removal_conflict", message: `${key} is listed and removed`, id: key.split(":")[1] });
  }
  for (const row of previous.rows) {
    const key = `${row.kind}:${row.id}`;
    if (!present.has(key) && !removed.has(key))
      problems.push({ code: "silent_removal", message: `${key} left without a removal`, id: row.id });
  }
  return { ok: problems.length === 0, problems };
}
