// The signature of a bundle: Ed25519 over the exact bytes of manifest.json, base64 (what manifest.sig holds).
import { createPrivateKey, sign, type KeyObject } from "node:crypto";

export function signManifest(manifestBytes: Buffer, privateKey: KeyObject | string): string {
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== "ed25519") throw new Error("bundle: the signing key must be Ed25519");
  return sign(null, manifestBytes, key).toString("base64");
}
