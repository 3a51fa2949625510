// Proof that nothing was added, removed or edited since a bundle was made: its rows read again from the database
// and re-hashed with the server's key, compared with its manifest. For organizers (the manifest alone is public).
import { db } from "@/lib/infra/db";
import { appSecret } from "@/lib/infra/env";
import { deriveSourceKey } from "./derive-source-key";
import { findChangedRows } from "./find-changed-rows";
import { readBundleLetters, readBundleSigners } from "./read-bundle-rows";
import type { Manifest } from "./types";

export async function checkBundleRows(campaignId: string, bundleId: string) {
  const bundle = await db
    .selectFrom("delivery_bundle")
    .select("manifest")
    .where("campaign_id", "=", campaignId)
    .where("id", "=", bundleId)
    .executeTakeFirst();
  if (!bundle) return null;
  const manifest = JSON.parse(bundle.manifest.toString("utf8")) as Manifest;
  const rows: Parameters<typeof findChangedRows>[1] extends Iterable<infer R> ? R[] : never = [];
  for await (const row of readBundleSigners(campaignId)) rows.push({ kind: "signature", row });
  for (const row of await readBundleLetters(campaignId)) rows.push({ kind: "letter", row });
  // Rows counted since the bundle was made are new, not changes: only the bundled ones are compared.
  const bundled = new Set(manifest.rows.map((r) => `${r.kind}:${r.id}`));
  const { changed, missing } = findChangedRows(
    manifest,
    rows.filter((r) => bundled.has(`${r.kind}:${r.row.id}`)),
    deriveSourceKey(appSecret),
  );
  return { rows: manifest.rows.length, changed, missing, unchanged: changed.length === 0 && missing.length === 0 };
}
