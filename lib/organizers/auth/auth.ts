// better-auth, configured once: email + password (scrypt), sessions and sign-in throttling in Postgres through the
// Prisma adapter, cookies HttpOnly + SameSite=Lax (+ Secure in production), and only APP_URL as a trusted origin.
// Public sign-up is off: organizers come from the seed or from an owner's invitation (lib/organizers/team/accept-invitation).
import "server-only";
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { prisma } from "@/lib/infra/db";
import { appSecret, env } from "@/lib/infra/env";
import { logger, redact, settingsFromEnv } from "@/lib/infra/log";
import { recordSignIn } from "./record-sign-in";
import { clientAddressHeader } from "./with-client-address";

function createAuth() {
  return betterAuth({
    appName: "Open Letters",
    baseURL: env.APP_URL,
    basePath: "/api/auth",
    secret: appSecret,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    trustedOrigins: [new URL(env.APP_URL).origin],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
    },
    session: {
      expiresIn: env.SESSION_TTL_HOURS * 3600,
      updateAge: 3600,
      // No cookie cache: every request reads the session row, so signing out or expiring takes effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      // A flood guard only: it counts successes too and reads the wall clock. Failed sign-ins are throttled per
      // account and network around this handler (throttle-sign-in.ts), so a guessing attacker cannot lock out the owner.
      customRules: {
        "/sign-in/*": { window: 60, max: 30 },
      },
    },
    advanced: {
      // Explicit, because better-auth skips its origin check when NODE_ENV=test: tests must see production behaviour.
      disableOriginCheck: false,
      useSecureCookies: env.APP_ENV === "production",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: env.APP_ENV === "production" },
      cookiePrefix: "open-letters",
      // Set by the auth route from the address TRUST_PROXY vouches for (with-client-address.ts), never by a client,
      // and a keyed hash of it: rate_limit and session rows never hold a raw address. better-auth itself trusts
      // X-Forwarded-For only when it holds one entry; with more (a client's own entries plus ours) it put every such
      // request into one shared bucket, so one client's failures throttled everyone.
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
      database: { generateId: () => randomUUID() },
    },
    databaseHooks: { session: { create: { after: recordSignIn } } },
    telemetry: { enabled: false },
    logger: { level: settingsFromEnv().level, log: authLog },
  });
}

const log = logger("auth");

/** better-auth's log lines as our records: its text redacted, errors described, objects (a user, a body) left out. */
function authLog(level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]): void {
  const err = args.find((arg) => arg instanceof Error);
  const said = [message, ...args.filter((arg) => ["string", "number", "boolean"].includes(typeof arg))].join(" ");
  log[level](redact(said.trim()), err ? { err } : undefined);
}

export type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { openLettersAuth?: Auth };

/** Built on first use, not on import: `next build` imports route modules without a database. */
export function getAuth(): Auth {
  holder.openLettersAuth ??= createAuth();
  return holder.openLettersAuth;
}
