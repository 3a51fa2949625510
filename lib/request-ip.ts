// The client's address, for keyed hashing only. Behind a reverse proxy the socket address is the proxy's,
// so the first X-Forwarded-For entry is used; it is never stored raw.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return headers.get("x-real-ip");
}
