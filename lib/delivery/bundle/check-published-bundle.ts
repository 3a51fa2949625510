// The public verification page's check: a bundle's manifest and signature (and any of its files) against the keys
// its organization published. It answers what the bundle certifies; it never shows a name or a row.
import { db } from "@/lib/infra/db";
import { publishedKeys } from "./organization-signing-key";
import { verifyBundle, type BundleVerification } from "./verify-bundle";

export type PublishedCheck = BundleVerification & { knownOrganization: boolean; keyRetired: boolean };

export async function checkPublishedBundle(input: {
  manifestBytes: Buffer;
  signature: string;
  files?: Map<string, Buffer>;
}): Promise<PublishedCheck> {
  let organizationId: string | null = null;
  let keyId: string | null = null;
  try {
    const manifest = JSON.parse(input.manifestBytes.toString("utf8")) as {
      organization?: { id?: unknown };
      keyId?: unknown;
    };
    organizationId = typeof manifest.organization?.id === "string" ? manifest.organization.id : null;
    keyId = typeof manifest.keyId === "string" ? manifest.keyId : null;
  } catch {
    // verifyBundle says what is wrong with it
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const known =
    organizationId && uuid.test(organizationId)
      ? await db.selectFrom("organization").select("id").where("id", "=", organizationId).executeTakeFirst()
      : undefined;
  const keys = known ? await publishedKeys(known.id) : [];
  // Without a key the organization published, nothing is trusted: an empty list checks against no key at all.
  const result = verifyBundle({ ...input, publicKey: keys.map((k) => k.publicKey) });
  const trusted = keys.length > 0 && result.keyTrusted === true;
  return {
    ...result,
    ok: result.ok && trusted,
    keyTrusted: trusted,
    knownOrganization: Boolean(known),
    keyRetired: keys.some((k) => k.keyId === keyId && k.retired),
  };
}
