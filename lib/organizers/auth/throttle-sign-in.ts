// Around better-auth's handler: a sign-in from a network or to an account that failed too often is refused before a
// password is checked, a wrong password is counted (sign-in-failures.ts), and every 429 says when to come back in
// Retry-After (better-auth's own limiter only sets X-Retry-After).
import { clientIp } from "@/lib/infra/request-ip";
import { recordSignInFailure, signInRefusal } from "./sign-in-failures";

type Handler = (request: Request) => Promise<Response>;

export async function throttleSignIn(request: Request, next: Handler): Promise<Response> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) {
    return withRetryAfter(await next(request));
  }
  const email = await emailIn(request.clone());
  const ip = clientIp(request.headers);
  if (email) {
    const refusal = await signInRefusal(email, ip);
    if (refusal) return tooManyAttempts(refusal.retryAfter);
  }
  const response = await next(request);
  if (email && response.status === 401) await recordSignInFailure(email, ip);
  return withRetryAfter(response);
}

async function emailIn(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.json();
    const email = body && typeof body === "object" ? (body as { email?: unknown }).email : null;
    return typeof email === "string" && email.length > 0 && email.length <= 254 ? email : null;
  } catch {
    return null;
  }
}

function tooManyAttempts(retryAfter: number): Response {
  return new Response(
    JSON.stringify({ code: "TOO_MANY_REQUESTS", message: "Too many requests. Please try again later." }),
    { status: 429, headers: { "content-type": "application/json", "retry-after": String(retryAfter) } },
  );
}

function withRetryAfter(response: Response): Response {
  if (response.status !== 429 || response.headers.has("retry-after")) return response;
  const seconds = Number(response.headers.get("x-retry-after"));
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
