// Which security policy a request path gets. Everything is a page (nonce CSP, never framed) unless it is listed
// here: API routes answer data, not documents, and only the count endpoint (and the embeddable count widget) may
// be shown inside another site's frame.

export type RouteKind =
  /** An HTML page of the app: nonce-based script policy, never framed. */
  | "page"
  /** A page whose address holds a secret token (confirm, withdraw, invitation): like a page (its Referer goes only to us). */
  | "token-page"
  /** The embeddable count widget: a page other sites may frame. */
  | "embed"
  /** JSON and CSV routes: nothing to run, nothing to frame. */
  | "api"
  /** The public count: data other sites may show, so it may be framed. */
  | "frameable-api"
  /** The dev mailbox's view of an email's HTML: inline styles, no scripts, framed by the mailbox page only. */
  | "mail-preview";

const countEndpoint = /^\/api\/campaigns\/[^/]+\/count\/?$/;
const embedWidget = /^\/embed(\/|$)/;
const mailPreview = /^\/dev\/mailbox\/[^/]+\/html\/?$/;
const tokenPage =
  /^\/[^/]+\/(confirm|withdraw|unsubscribe|letters\/confirm|letters\/withdraw|admin\/invitation)\/[^/]+\/?$/;

export function routeKindOf(pathname: string): RouteKind {
  if (countEndpoint.test(pathname)) return "frameable-api";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  if (embedWidget.test(pathname)) return "embed";
  if (mailPreview.test(pathname)) return "mail-preview";
  if (tokenPage.test(pathname)) return "token-page";
  return "page";
}

/** HTML documents of the app: they run Next's scripts, so they need a nonce. */
export function isDocumentKind(kind: RouteKind): kind is "page" | "token-page" | "embed" {
  return kind === "page" || kind === "token-page" || kind === "embed";
}
