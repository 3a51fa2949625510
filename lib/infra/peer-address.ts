// Route handlers in Next.js see headers, never the socket: this makes the connection's peer address visible to
// them the only way nobody can forge it. Every incoming request gets the socket's remote address appended to
// X-Forwarded-For (as a proxy would), before Next.js sees the request; lib/infra/request-ip.ts then trusts exactly
// TRUST_PROXY entries to the left of it. Installed once per server process from instrumentation.ts.
import http from "node:http";
import https from "node:https";

const installed = Symbol.for("open-letters.peer-address");
type Marked = typeof globalThis & { [installed]?: boolean };

export function appendPeerAddress(): void {
  const g = globalThis as Marked;
  if (g[installed]) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        const peer = req.socket?.remoteAddress ?? "unknown";
        const forwarded = req.headers["x-forwarded-for"];
        const given = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
        req.headers["x-forwarded-for"] = given ? `${given}, ${peer}` : peer;
      }
      return (emit as (event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
    } as typeof emit;
  }
  g[installed] = true;
}

/** Whether this process appends the peer address: without it, the last X-Forwarded-For entry proves nothing. */
export function peerAddressAppended(): boolean {
  return (globalThis as Marked)[installed] === true;
}

/** For tests that call route handlers directly: their X-Forwarded-For plays the part of what the server appended. */
export function assumePeerAddressAppended(): void {
  (globalThis as Marked)[installed] = true;
}
