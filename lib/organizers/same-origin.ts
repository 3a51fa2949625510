// Cross-site request forgery check for the organizer's own JSON routes: a state-changing request must come from
// APP_URL's origin (the Origin header, or Sec-Fetch-Site for browsers that omit it). better-auth checks its own
// routes against its trusted origins, and Next checks server actions.
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const appOrigin = new URL(env.APP_URL).origin;

export function assertSameOrigin(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === appOrigin) return;
    throw new AppError("cross_site_request");
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new AppError("cross_site_request");
}
