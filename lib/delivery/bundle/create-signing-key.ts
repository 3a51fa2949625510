// A new organization signing key (Ed25519, Node's crypto). The private PEM is sealed (sealPrivateKey) before it is
// stored and is never sent anywhere; the public half is published on the verification page and kept after a
// rotation, so older bundles still verify. See FORMAT.md, "Keys".
import { generateKeyPairSync } from "node:crypto";
import { keyIdOf, rawPublicKey } from "./key-id";

export type SigningKey = { privateKeyPem: string; publicKeyPem: string; publicKey: string; keyId: string };

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    publicKey: rawPublicKey(publicKey).toString("base64"),
    keyId: keyIdOf(publicKey),
  };
}
