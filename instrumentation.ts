// Runs once when a server process starts, before it answers requests: from then on Next's own console output comes
// out as log records (lib/infra/log-console.ts). Runs again for every error a page, server action or proxy.ts did not
// handle, logged with the id proxy.ts gave the request (API routes log their own errors).
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appendPeerAddress } = await import("./lib/infra/peer-address");
    appendPeerAddress();
    const { routeConsole } = await import("./lib/infra/log-console");
    routeConsole("next");
  }
}

export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/infra/log");
  const requestId = request.headers["x-request-id"];
  const digest = (err as { digest?: unknown } | null)?.digest;
  // The route's pattern, not the path: addresses of confirm and withdraw pages hold their secret token.
  logger("next").error(`unhandled error in ${context.routeType} ${context.routePath}`, {
    method: request.method,
    requestId: typeof requestId === "string" ? requestId : undefined,
    digest: typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : undefined,
    err,
  });
};
