// The security headers of an API response (JSON, CSV, auth), set by the route wrappers themselves: proxy.ts stays
// off the API, the sign endpoint's hot path, where it cost about a third of each request. Pages still get theirs,
// with the nonce, from proxy.ts.
import { env } from "../env";
import { routeKindOf } from "./route-kind";
import { securityHeaders, type SecurityOptions } from "./security-headers";

const options: SecurityOptions = {
  production: env.APP_ENV === "production",
  devServer: false,
  embedAncestors: env.EMBED_FRAME_ANCESTORS,
};

/** The response with the headers its route kind calls for; whatever the handler set stays unless a header is ours. */
export function withSecurityHeaders(request: Request, response: Response): Response {
  // Only API handlers call this, so anything but the count endpoint gets the API's policy.
  const kind = routeKindOf(new URL(request.url).pathname) === "frameable-api" ? "frameable-api" : "api";
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders(kind, options))) headers.set(name, value);
  // A new Response rather than the handler's own: a redirect's headers (Response.redirect) cannot be changed.
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
