import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/organizers/auth/auth";
import { withClientAddress } from "@/lib/organizers/auth/with-client-address";
import { withSecurityHeaders } from "@/lib/infra/security/with-security-headers";

// /api/auth/* – better-auth: sign-in, sign-out, session. Sign-up is disabled (organizers join by invitation).
// Its per-address throttle sees the address TRUST_PROXY vouches for (lib/organizers/auth/with-client-address.ts).
export const GET = async (request: Request) =>
  withSecurityHeaders(request, await toNextJsHandler(getAuth()).GET(withClientAddress(request)));
export const POST = async (request: Request) =>
  withSecurityHeaders(request, await toNextJsHandler(getAuth()).POST(withClientAddress(request)));
