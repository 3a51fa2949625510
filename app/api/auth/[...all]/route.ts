import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// /api/auth/* – better-auth: sign-in, sign-out, session. Sign-up is disabled (invitations only).
export const { GET, POST } = toNextJsHandler(auth);
