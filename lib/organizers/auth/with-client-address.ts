// better-auth throttles sign-in per client address, which it reads from a header, and stores it in `rate_limit` keys
// and on each `session`. So the auth route hands it, in a header of our own overwritten on every request, a keyed
// hash of the address lib/infra/request-ip.ts trusts (TRUST_PROXY), written as an address: one per client (IPv4
// address, IPv6 /64), the raw address never. The user agent is not passed on either, so sessions do not store it.
import { clientNetwork } from "@/lib/infra/client-network";
import { keyedHash } from "@/lib/infra/crypto";
import { clientIp } from "@/lib/infra/request-ip";

export const clientAddressHeader = "x-open-letters-client-address";

/**
 * The stand-in better-auth sees for a client: 64 bits of a keyed hash as the first half of an IPv6 address (better-auth
 * keeps an IPv6 address's /64 and zeroes the rest), so each client keeps a bucket of its own and the address itself
 * is never written.
 */
export function addressStandIn(ip: string): string {
  const hex = Buffer.from(keyedHash("auth-address", clientNetwork(ip)?.rateKey ?? ip), "base64url").toString("hex");
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}::`;
}

export function withClientAddress(request: Request): Request {
  const headers = new Headers(request.headers);
  const ip = clientIp(request.headers);
  if (ip) headers.set(clientAddressHeader, addressStandIn(ip));
  else headers.delete(clientAddressHeader);
  headers.delete("user-agent");
  return new Request(request, { headers });
}
