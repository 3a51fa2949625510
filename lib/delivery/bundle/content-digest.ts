// The digest of what a bundle certifies — campaign, target, time, counts, every row's hashes, the removals and the
// link to the previous manifest — without the file list and the key. The PDF prints it on its cover and on every
// page: it cannot print the manifest's own hash, since the manifest lists the PDF's hash. A reader with the paper
// pack and the manifest recomputes this digest and compares.
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
