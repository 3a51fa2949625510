// Solves a proof-of-work challenge in the browser with WebCrypto: no third party, no worker, no eval (it runs
// under a strict nonce CSP). Digests are computed in batches so the page stays responsive between them.
import { hasLeadingZeroBits, powInput } from "./proof-of-work";
import type { Challenge } from "./schema";

const batch = 512;

export async function solveChallenge(challenge: Pick<Challenge, "token" | "difficulty">): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; start < Number.MAX_SAFE_INTEGER; start += batch) {
    const digests = await Promise.all(
      Array.from({ length: batch }, (_, i) =>
        crypto.subtle.digest("SHA-256", encoder.encode(powInput(challenge.token, start + i))),
      ),
    );
    const found = digests.findIndex((d) => hasLeadingZeroBits(new Uint8Array(d), challenge.difficulty));
    if (found >= 0) return String(start + found);
  }
  throw new Error("no solution");
}
