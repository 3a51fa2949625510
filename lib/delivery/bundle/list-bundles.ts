// A campaign's bundles, newest first, for its organizers: when, what they counted, and their files.
import { db } from "@/lib/infra/db";

export async function listBundles(campaignId: string) {
  const bundles = await db
    .selectFrom("delivery_bundle")
    .select(["id", "created_at", "signatures", "letters", "manifest_sha256", "key_id"])
    .where("campaign_id", "=", campaignId)
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
  const files = bundles.length
    ? await db
        .selectFrom("delivery_bundle_file")
        .select(["bundle_id", "name", (eb) => eb.fn<number>("octet_length", ["content"]).as("bytes")])
        .where(
          "bundle_id",
          "in",
          bundles.map((b) => b.id),
        )
        .orderBy("name")
        .execute()
    : [];
  return bundles.map((b) => ({
    id: b.id,
    createdAt: b.created_at,
    signatures: b.signatures,
    letters: b.letters,
    manifestSha256: b.manifest_sha256,
    keyId: b.key_id,
    files: files.filter((f) => f.bundle_id === b.id).map((f) => ({ name: f.name, bytes: Number(f.bytes) })),
  }));
}
