// Organizer routes answer only requests the browser says this site started. Exports are GET links that record an
// export and hand over signers' details: without this, another site (or a sibling subdomain) could make an
// organizer's browser fetch one, with their cookies. Sec-Fetch-Site "none" is the organizer opening the link
// themselves (address bar, bookmark, email); browsers that send no Sec-Fetch-Site are judged by Origin and Referer.
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { namesForeignOrigin } from "@/lib/infra/security/foreign-origin";

const allowed = new Set(["same-origin", "none"]);
const appOrigin = new URL(env.APP_URL).origin;

export function assertNotCrossSite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && !allowed.has(site)) throw new AppError("cross_site_request");
  if (namesForeignOrigin(request.headers, appOrigin)) throw new AppError("cross_site_request");
}
