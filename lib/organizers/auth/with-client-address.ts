// better-auth throttles sign-in per client address, which it reads from a header. X-Forwarded-For's first entry
// is whatever the client wrote there, so the auth route hands it the address lib/infra/request-ip.ts trusts
// (TRUST_PROXY), in a header of our own that it overwrites on every request: a client can choose neither.
import { clientIp } from "@/lib/infra/request-ip";

export const clientAddressHeader = "x-open-letters-client-address";

export function withClientAddress(request: Request): Request {
  const headers = new Headers(request.headers);
  const ip = clientIp(request.headers);
  if (ip) headers.set(clientAddressHeader, ip);
  else headers.delete(clientAddressHeader);
  return new Request(request, { headers });
}
