// Requests that change something through a page (server actions: the sign, confirm and withdraw forms, with or
// without JavaScript) refused before Next runs them, so they answer 403 / 413 like the API instead of Next's 500.
// Next makes the same checks itself (its Origin against the Host, its body limit) but answers both with a 500.
import type { ErrorCode } from "@/lib/infra/errors";
import { namesForeignOrigin } from "./foreign-origin";

/** Next's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
export const serverActionBodyLimit = 1024 * 1024;

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why a request to a page must be refused, or null: a page answers a POST only as a server action. */
export function refusedPageRequest(
  method: string,
  headers: Headers,
  appOrigin: string,
): Extract<ErrorCode, "cross_site_request" | "payload_too_large"> | null {
  if (safeMethods.has(method)) return null;
  if (namesForeignOrigin(headers, appOrigin)) return "cross_site_request";
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return "cross_site_request";
  if (Number(headers.get("content-length") ?? "0") > serverActionBodyLimit) return "payload_too_large";
  return null;
}
