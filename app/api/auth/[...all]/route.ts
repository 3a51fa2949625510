import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/organizers/auth/auth";
import { throttleSignIn } from "@/lib/organizers/auth/throttle-sign-in";
import { withClientAddress } from "@/lib/organizers/auth/with-client-address";
import { withSecurityHeaders } from "@/lib/infra/security/with-security-headers";

// /api/auth/* – better-auth: sign-in, sign-out, session. Sign-up is disabled (organizers join by invitation).
// Its per-address throttle sees the address TRUST_PROXY vouches for (lib/organizers/auth/with-client-address.ts);
// failed sign-ins are counted per account and network around it (lib/organizers/auth/throttle-sign-in.ts).
export const GET = async (request: Request) =>
  withSecurityHeaders(
    request,
    await throttleSignIn(request, (r) => toNextJsHandler(getAuth()).GET(withClientAddress(r))),
  );
export const POST = async (request: Request) =>
  withSecurityHeaders(
    request,
    await throttleSignIn(request, (r) => toNextJsHandler(getAuth()).POST(withClientAddress(r))),
  );
