// An organization's bundle-signing key: made on first use, sealed at rest with the app's secret (the private key
// never leaves the server), and rotated by retiring it; retired keys stay published so older bundles still verify.
import { sql } from "kysely";
import { db, transaction } from "@/lib/infra/db";
import { appSecret } from "@/lib/infra/env";
import { createSigningKey } from "./create-signing-key";
import { openPrivateKey } from "./open-private-key";
import { sealPrivateKey } from "./seal-private-key";

export type OrganizationKey = { keyId: string; privateKeyPem: string };

/** The organization's current key, made now if it has none (one at a time: an advisory lock per organization). */
export async function organizationSigningKey(organizationId: string): Promise<OrganizationKey> {
  return transaction(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`signing-key:${organizationId}`}))`.execute(trx);
    const current = await trx
      .selectFrom("signing_key")
      .select(["key_id", "sealed_private_key"])
      .where("organization_id", "=", organizationId)
      .where("retired_at", "is", null)
      .executeTakeFirst();
    if (current) return { keyId: current.key_id, privateKeyPem: openPrivateKey(current.sealed_private_key, appSecret) };
    const key = createSigningKey();
    await trx
      .insertInto("signing_key")
      .values({
        key_id: key.keyId,
        organization_id: organizationId,
        public_key: key.publicKey,
        sealed_private_key: sealPrivateKey(key.privateKeyPem, appSecret),
      })
      .execute();
    return { keyId: key.keyId, privateKeyPem: key.privateKeyPem };
  });
}

/** Retires the current key; the next bundle is signed with a new one. */
export async function rotateSigningKey(organizationId: string): Promise<void> {
  await db
    .updateTable("signing_key")
    .set({ retired_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("retired_at", "is", null)
    .execute();
}

/** Every key the organization ever signed with (base64 raw public keys), for checking a bundle it made. */
export async function publishedKeys(
  organizationId: string,
): Promise<{ keyId: string; publicKey: string; retired: boolean }[]> {
  const rows = await db
    .selectFrom("signing_key")
    .select(["key_id", "public_key", "retired_at"])
    .where("organization_id", "=", organizationId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ keyId: r.key_id, publicKey: r.public_key, retired: r.retired_at !== null }));
}
