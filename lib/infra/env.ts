// The validated environment. Read once; code imports typed values from here instead of touching process.env.
import { parseEnv, type Env } from "./env-schema";

export type { Env } from "./env-schema";

export const env: Env = parseEnv(process.env);

/** Development and tests keep mail in a local mailbox instead of a relay. */
export const usesLocalMailbox = !env.SMTP_URL && !env.SMTP_HOST;

/** Keys hashes and signed links. Development falls back to a fixed value so that links survive restarts. */
export const appSecret = env.APP_SECRET ?? "open-letters-development-secret-not-for-production";

export function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  return env.DATABASE_URL;
}
