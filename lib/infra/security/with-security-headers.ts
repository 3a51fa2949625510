// The security headers of an API response (JSON, CSV, auth), set by the route wrappers themselves: proxy.ts stays
// off the API, the sign endpoint's hot path, where it cost about a third of each request. Pages still get theirs,
// with the nonce, from proxy.ts.
import { routeKindOf } from "./route-kind";
import { securityHeaders } from "./security-headers";
import { securityOptions as options } from "./security-options";

// The same for every response of a kind: worked out once, not on every request (the sign endpoint's among them).
const headersOf = {
  api: Object.entries(securityHeaders("api", options)),
  "frameable-api": Object.entries(securityHeaders("frameable-api", options)),
};

/** The response with the headers its route kind calls for; whatever the handler set stays unless a header is ours. */
export function withSecurityHeaders(request: Request, response: Response): Response {
  // Only API handlers call this, so anything but the count endpoint gets the API's policy.
  const kind = routeKindOf(new URL(request.url).pathname) === "frameable-api" ? "frameable-api" : "api";
  try {
    for (const [name, value] of headersOf[kind]) response.headers.set(name, value);
    return response;
  } catch {
    // A redirect's headers (Response.redirect) cannot be changed: answer with a copy that has them.
    const headers = new Headers(response.headers);
    for (const [name, value] of headersOf[kind]) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
