// The digest of what a bundle certifies, without the file list and the key: printed on the PDF, which cannot
// print the manifest's own hash since the manifest lists the PDF's.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { Manifest } from "./types";

export type ManifestContent = Pick<
  Manifest,
  | "version"
  | "campaign"
  | "organization"
  | "target"
  | "generatedAt"
  | "counts"
  | "rows"
  | "removals"
  | "previousManifestSha256"
>;

/** SHA-256 of the canonical JSON of campaign, target, time, counts, rows, removals and the previous manifest. */
export function contentDigest(manifest: ManifestContent): string {
  const { version, campaign, organization, target, generatedAt, counts, rows, removals, previousManifestSha256 } =
    manifest;
  const content = {
    version,
    campaign,
    organization,
    target,
    generatedAt,
    counts,
    rows,
    removals,
    previousManifestSha256,
  };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}
