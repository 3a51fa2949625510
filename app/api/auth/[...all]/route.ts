import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { withSecurityHeaders } from "@/lib/security/with-security-headers";

// /api/auth/* – better-auth: sign-in, sign-out, session. Sign-up is disabled (organizers join by invitation).
export const GET = async (request: Request) => withSecurityHeaders(request, await toNextJsHandler(getAuth()).GET(request));
export const POST = async (request: Request) => withSecurityHeaders(request, await toNextJsHandler(getAuth()).POST(request));
