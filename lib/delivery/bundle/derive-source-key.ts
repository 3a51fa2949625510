// The key of the source row hashes, derived from the app's secret so that nothing new needs storing. Rotating
// APP_SECRET makes older manifests' source hashes impossible to recompute (their signatures and row hashes still
// verify): keep the old secret, or derive from a key stored with the signing key instead.
import { hkdfSync } from "node:crypto";

const purpose = "open-letters/bundle/source-rows/v1";

export function deriveSourceKey(secret: string | Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), purpose, 32));
}
