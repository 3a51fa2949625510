// The signing key at rest: AES-256-GCM under a key derived (HKDF-SHA256, a random salt per seal) from the app's
// secret, so a copy of the database alone does not give the key. Format: "v1." + base64url(salt ‖ iv ‖ tag ‖ data).
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";

export const sealFormat = {
  version: "v1",
  info: "open-letters/bundle/signing-key/v1",
  salt: 16,
  iv: 12,
  tag: 16,
} as const;

export function sealKeyFor(secret: string | Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, salt, sealFormat.info, 32));
}

export function sealPrivateKey(privateKeyPem: string, secret: string | Buffer): string {
  const salt = randomBytes(sealFormat.salt);
  const iv = randomBytes(sealFormat.iv);
  const cipher = createCipheriv("aes-256-gcm", sealKeyFor(secret, salt), iv);
  cipher.setAAD(Buffer.from(sealFormat.info));
  const data = Buffer.concat([cipher.update(privateKeyPem, "utf8"), cipher.final()]);
  return `${sealFormat.version}.${Buffer.concat([salt, iv, cipher.getAuthTag(), data]).toString("base64url")}`;
}
