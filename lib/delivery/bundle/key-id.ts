// An Ed25519 public key as the manifest carries it (the raw 32 bytes, base64) and its short id: the first 16 hex
// digits of the SHA-256 of those bytes. The id names the key in a manifest, on the PDF's cover and in the table of
// the organization's keys, old ones included, so a bundle signed before a rotation still finds its key.
import { createHash, createPublicKey, type KeyObject } from "node:crypto";

/** Accepts a KeyObject (public or private), a PEM (public or private) or the raw key in base64. */
export function publicKeyOf(key: KeyObject | string): KeyObject {
  if (typeof key !== "string") return key.type === "private" ? createPublicKey(key) : key;
  if (key.includes("-----BEGIN")) return createPublicKey(key);
  const raw = Buffer.from(key.trim(), "base64");
  if (raw.length !== 32) throw new Error("bundle: an Ed25519 public key is 32 bytes");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

export function rawPublicKey(key: KeyObject | string): Buffer {
  const jwk = publicKeyOf(key).export({ format: "jwk" });
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.x) throw new Error("bundle: not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url");
}

export function keyIdOf(key: KeyObject | string): string {
  return createHash("sha256").update(rawPublicKey(key)).digest("hex").slice(0, 16);
}
