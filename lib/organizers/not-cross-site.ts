// Organizer routes answer only requests the browser says this site started. Exports are GET links that record an
// export and hand over signers' details: without this, another site (or a sibling subdomain) could make an
// organizer's browser fetch one, with their cookies. Sec-Fetch-Site "none" is the organizer opening the link
// themselves (address bar, bookmark, email); no header at all is a client other than a browser, or an old one.
import { AppError } from "@/lib/infra/errors";

const allowed = new Set(["same-origin", "none"]);

export function assertNotCrossSite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && !allowed.has(site)) throw new AppError("cross_site_request");
}
