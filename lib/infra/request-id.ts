// Each request's id: the one a trusted reverse proxy gave it (X-Request-Id, so its access log and ours name the same
// request), or a fresh one. Without a proxy in front (TRUST_PROXY=0) the header comes from the client and is ignored.
// Even from a proxy, only a plain token is taken: the header must not become a way to write text into the logs.
import { randomUUID } from "node:crypto";
import { env } from "./env";

export const requestIdHeader = "x-request-id";

const plainToken = /^[A-Za-z0-9._:+=/-]{1,128}$/;

export function requestIdOf(headers: Headers, trustedProxies = env.TRUST_PROXY): string {
  if (trustedProxies > 0) {
    const given = headers.get(requestIdHeader)?.trim();
    if (given && plainToken.test(given)) return given;
  }
  return randomUUID();
}
