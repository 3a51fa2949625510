// The security headers of every response, by route kind (see route-kind.ts). Pure, so that the rules can be read
// and tested in one place; proxy.ts applies them per request.
import { isDocumentKind, type RouteKind } from "./route-kind";

export type SecurityOptions = {
  /** APP_ENV=production: the app is only reachable over HTTPS (HSTS, upgrade-insecure-requests). */
  production: boolean;
  /** `next dev`: React's dev tooling needs eval, and Next's dev overlay injects <style> elements without a nonce. */
  devServer: boolean;
  /** Who may frame the count endpoint and widget: a CSP source list such as "*" or "https://a.example https://b.example". */
  embedAncestors: string;
  /** The stylesheets Next writes into each page as a <style> (next.config.js, inlineCss), as 'sha256-…' sources. */
  styleHashes: readonly string[];
};

// Signers may be defectors: no device sensor, camera or microphone, no interest profiling, whatever gets injected.
const permissionsPolicy = [
  "accelerometer=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
].join(", ");

function policy(directives: (string | false)[]): string {
  return directives.filter(Boolean).join("; ");
}

function documentPolicy(nonce: string, frameAncestors: string, o: SecurityOptions): string {
  return policy([
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced framework scripts load are trusted; 'self' is ignored by browsers that
    // understand it and kept for those that do not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.devServer ? " 'unsafe-eval'" : ""}`,
    // Styles come from our own stylesheet only, as a file or written into the page, each allowed by its hash: no style
    // attributes, no other <style>. (A nonce or a hash would disable 'unsafe-inline', so the dev server, whose overlay
    // injects styles, gets 'unsafe-inline' alone.)
    o.devServer ? "style-src 'self' 'unsafe-inline'" : ["style-src 'self'", ...o.styleHashes].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    o.production && "upgrade-insecure-requests",
  ]);
}

// Data routes have nothing to load or run: if one is ever opened as a document, it can do nothing.
function dataPolicy(frameAncestors: string): string {
  return policy(["default-src 'none'", "base-uri 'none'", "form-action 'none'", `frame-ancestors ${frameAncestors}`]);
}

// An email's HTML as the dev mailbox shows it: its inline styles apply, nothing runs (sandbox), nothing is fetched.
function mailPreviewPolicy(): string {
  return policy([
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox",
  ]);
}

export function securityHeaders(kind: RouteKind, options: SecurityOptions, nonce?: string): Record<string, string> {
  const needsNonce = isDocumentKind(kind);
  if (needsNonce && !nonce) throw new Error(`a ${kind} response needs a nonce`);
  const frameable = kind === "embed" || kind === "frameable-api";
  const frameAncestors = frameable ? options.embedAncestors : "'none'";

  const csp =
    kind === "mail-preview"
      ? mailPreviewPolicy()
      : needsNonce
        ? documentPolicy(nonce!, frameAncestors, options)
        : dataPolicy(frameAncestors);

  const headers: Record<string, string> = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    // Other sites never learn where a reader came from, nor a token page's secret address. "same-origin", token pages
    // included: with "no-referrer" browsers post forms with `Origin: null`, which Next refuses, so Confirm and
    // Withdraw would fail without JavaScript; the Referer it sends us names the page the token already came in on.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": permissionsPolicy,
  };
  // For browsers that predate frame-ancestors.
  if (!frameable) headers["x-frame-options"] = kind === "mail-preview" ? "SAMEORIGIN" : "DENY";
  if (options.production) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
