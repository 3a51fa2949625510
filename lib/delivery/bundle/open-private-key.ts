// The other half of sealPrivateKey: a wrong secret or a changed byte fails GCM's check and throws.
import { createDecipheriv } from "node:crypto";
import { sealFormat, sealKeyFor } from "./seal-private-key";

export function openPrivateKey(sealed: string, secret: string | Buffer): string {
  const [version, payload] = sealed.split(".");
  if (version !== sealFormat.version || !payload) throw new Error("bundle: not a sealed signing key");
  const bytes = Buffer.from(payload, "base64url");
  const ivEnd = sealFormat.salt + sealFormat.iv;
  const tagEnd = ivEnd + sealFormat.tag;
  if (bytes.length <= tagEnd) throw new Error("bundle: sealed signing key too short");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    sealKeyFor(secret, bytes.subarray(0, sealFormat.salt)),
    bytes.subarray(sealFormat.salt, ivEnd),
  );
  decipher.setAAD(Buffer.from(sealFormat.info));
  decipher.setAuthTag(bytes.subarray(ivEnd, tagEnd));
  return Buffer.concat([decipher.update(bytes.subarray(tagEnd)), decipher.final()]).toString("utf8");
}
