// The client's address, for rate limits and keyed hashing only; it is never stored raw.
// The server appends each connection's peer address to X-Forwarded-For (lib/infra/peer-address.ts), so the last
// entry is the socket's address and cannot be forged. TRUST_PROXY says how many reverse proxies stand in front:
// each one appends the address it saw, so the client is TRUST_PROXY entries left of the end. Anything further left
// came from the client itself and is ignored: a spoofed header chooses nothing.
import { env } from "./env";
import { logger } from "./log";
import { peerAddressAppended } from "./peer-address";

let warned = false;

export function clientIp(headers: Headers, trustedProxies = env.TRUST_PROXY): string | null {
  if (!peerAddressAppended() && !warned) {
    warned = true;
    logger("request-ip").warn(
      "the peer address is not appended (instrumentation.ts did not run): X-Forwarded-For can be forged",
    );
  }
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}
