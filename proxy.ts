// Runs before every page: gives each response its security headers (lib/security), and each page request a fresh
// CSP nonce. Next reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts,
// which is why every page is rendered per request (see app/layout.tsx). Public campaign pages are answered from
// the page cache when it holds them (lib/page-cache), with the fresh nonce written into the cached copy. API routes
// are left out: their wrappers set the same headers (lib/infra/security/with-security-headers.ts), which keeps the
// middleware machinery off the sign endpoint's hot path. Each request gets its id here (X-Request-Id on the answer,
// and on the request Next renders, where server actions read it), as API requests get theirs in apiRoute. A page
// request that changes something (a server action) another site started, or too large, is refused here with the
// API's 403 / 413 (lib/infra/security/server-action-guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { cacheablePage } from "@/lib/page-cache/cacheable-page";
import { fillNonceOf, fillSettled } from "@/lib/page-cache/fill-page";
import { cachedPageFor } from "@/lib/page-cache/serve-cached-page";
import { requestPathHeader } from "@/lib/organizers/auth/return-path";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { errorResponse } from "@/lib/infra/http";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { withRequestId } from "@/lib/infra/log-context";
import { requestIdHeader, requestIdOf } from "@/lib/infra/request-id";
import { createNonce } from "@/lib/infra/security/create-nonce";
import { isDocumentKind, routeKindOf } from "@/lib/infra/security/route-kind";
import { securityHeaders } from "@/lib/infra/security/security-headers";
import { securityOptions as options } from "@/lib/infra/security/security-options";
import { refusedPageRequest } from "@/lib/infra/security/server-action-guard";

/** How long the first views of a page wait for the one render the cache makes of it, before rendering their own. */
const fillWaitMs = 3000;
const appOrigin = new URL(env.APP_URL).origin;

export async function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const response = await withRequestId(requestId, () => answer(request, requestId));
  response.headers.set(requestIdHeader, requestId);
  return response;
}

async function answer(request: NextRequest, requestId: string): Promise<NextResponse> {
  const kind = routeKindOf(request.nextUrl.pathname);
  const documentRoute = isDocumentKind(kind);
  const refused = documentRoute ? refusedPageRequest(request.method, request.headers, appOrigin) : null;
  if (refused) return refusal(refused, request);
  // This process rendering a page for the page cache brings the nonce the cached copy is to carry.
  const fillNonce = documentRoute ? fillNonceOf(request.headers) : null;
  const nonce = documentRoute ? (fillNonce ?? createNonce()) : undefined;
  const headers = securityHeaders(kind, options, nonce);

  const cacheable =
    documentRoute && !fillNonce ? cacheablePage(request.method, request.nextUrl, request.headers) : null;
  let cached = cacheable ? cachedPageFor(cacheable, nonce!) : null;
  if (cacheable && !cached && (await fillSettled(cacheable.path, fillWaitMs)))
    cached = cachedPageFor(cacheable, nonce!);
  if (cached) {
    const response = new NextResponse(cached.body, { status: 200, headers: cached.headers });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set("x-page-cache", cached.state);
    return response;
  }

  // Always overwritten, never taken from the client: the policy Next renders against, and the request's id, are ours.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(requestIdHeader, requestId);
  if (documentRoute) requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  // The page's own path, for an organizer page's redirect to sign in and back (lib/organizers/page-organizer.ts).
  requestHeaders.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The API's JSON error, with the API's headers: nothing of the page runs. */
function refusal(code: "cross_site_request" | "payload_too_large", request: NextRequest): NextResponse {
  const error = errorResponse(new AppError(code), negotiateLocale(request.headers.get("accept-language")));
  const response = new NextResponse(error.body, { status: error.status, headers: error.headers });
  for (const [name, value] of Object.entries(securityHeaders("api", options))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's hashed build files, which get nosniff from next.config.js and run under the page's policy,
  // and the API (see above; next.config.js covers the answers Next gives there by itself, such as a 405).
  matcher: ["/((?!_next/static/|api/).*)"],
};
