// The environment's rules, with no side effects: lib/infra/env.ts reads process.env through them once, and `npm start` and
// `npm run worker` check them (and lib/cli/check-production-secret.ts) before touching the database.
import { createPrivateKey } from "node:crypto";
import { z } from "@/lib/infra/validation/zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "on", "yes"].includes(v)));

// A CSP source list for frame-ancestors: "*", "'self'", or origins / schemes, separated by spaces. Nothing that
// could end the directive or the header (";", ",", quotes around anything else, line breaks).
const frameAncestors = z
  .string()
  .trim()
  .default("*")
  .refine(
    (v) =>
      v.split(/ +/).every((s) => /^(\*|'self'|'none'|https?:|(https?:\/\/)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?)$/i.test(s)),
    {
      message: "a space-separated list such as * or https://partner.example https://*.example.org",
    },
  );

/** A setting that may be left out or empty. */
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((v) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : v.trim()), type.optional());
const domainName = z
  .string()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a domain name such as example.org");

export const envSchema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
    DATABASE_QUERY_TIMEOUT_SECONDS: z.coerce.number().positive().default(10),
    SMTP_URL: z.string().optional(),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: flag,
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().default("Open Letters <no-reply@open-letters.localhost>"),
    // Domains a campaign's sender address may be on, comma-separated; unset: the domain of MAIL_FROM.
    MAIL_SENDER_DOMAINS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(",")
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(z.array(domainName).min(1, "at least one domain, such as example.org")),
    ),
    MAILBOX_DIR: z.string().default(".data/mailbox"),
    MAIL_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
    // Mail authentication (lib/mail/dkim.ts, bounce-address.ts, inbound-server.ts): see .env.example.
    DKIM_DOMAIN: optional(domainName),
    DKIM_SELECTOR: optional(z.string().regex(/^[A-Za-z0-9._-]+$/, "a selector such as mail2026")),
    // PEM as one line is easier to put in an environment: "\n" stands for a line break.
    DKIM_PRIVATE_KEY: optional(z.string().transform((v) => v.replaceAll("\\n", "\n").trim())),
    DKIM_HEADERS: optional(z.string().regex(/^[A-Za-z0-9-]+(:[A-Za-z0-9-]+)*$/, "header names separated by colons")),
    BOUNCE_DOMAIN: optional(domainName),
    BOUNCE_SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535)),
    BOUNCE_SMTP_HOST: optional(z.string()),
    CONFIRMATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
    /** Hours a confirmed letter waits before it can be delivered (withdrawable until then); a campaign may set its own. */
    LETTER_HOLD_HOURS: z.coerce.number().int().min(0).max(720).default(24),
    DELIVERY_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
    DELIVERY_TICK_CRON: z.string().default("* * * * *"),
    /** Updates and milestone emails to a campaign's signers and writers: at most this many a minute per mailing. */
    UPDATE_MAIL_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    DIGEST_MAX_ITEMS: z.coerce.number().int().min(1).default(50_000),
    DIGEST_MAX_LETTERS: z.coerce.number().int().min(1).default(100),
    RETENTION_DAYS_AFTER_CLOSE: z.coerce.number().int().min(0).default(90),
    RETENTION_UNCONFIRMED_DAYS: z.coerce.number().int().min(0).default(30),
    RETENTION_INVALIDATED_DAYS: z.coerce.number().int().min(0).default(30),
    RETENTION_CRON: z.string().default("17 * * * *"),
    RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(120),
    JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).default(60),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
    SIGN_IN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
    SIGN_IN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
    MODERATION_MAX_LINKS: z.coerce.number().int().min(0).default(2),
    MODERATION_NEAR_COPIES: z.coerce.number().int().min(0).default(10),
    EMBED_FRAME_ANCESTORS: frameAncestors,
    PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    // Abuse protection (lib/abuse): see .env.example.
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    RATE_IP_BURST: z.coerce.number().int().min(1).default(30),
    RATE_IP_BURST_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    RATE_IP_HOURLY: z.coerce.number().int().min(1).default(600),
    RATE_EMAIL_HOURLY: z.coerce.number().int().min(1).default(10),
    SIGN_MIN_SECONDS: z.coerce.number().min(0).max(600).default(3),
    LETTER_MIN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    LETTER_DRAFT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    CHALLENGE_CAMPAIGN_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    CHALLENGE_NETWORK_PER_10_MINUTES: z.coerce.number().int().min(1).default(100),
    CHALLENGE_SUSPECT_PER_5_MINUTES: z.coerce.number().int().min(1).default(20),
    CHALLENGE_DIFFICULTY: z.coerce.number().int().min(1).max(32).default(14),
    CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
    CHALLENGE_WAIT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    SIGNALS_NETWORK_MIN: z.coerce.number().int().min(2).default(20),
    SIGNALS_BURST_PER_MINUTE: z.coerce.number().int().min(2).default(30),
    SIGNALS_NEAR_COPIES_MIN: z.coerce.number().int().min(2).default(3),
    DEMO_ORGANIZER_EMAIL: z.email().default("organizer@open-letters.example"),
    DEMO_ORGANIZER_PASSWORD: z.string().min(12).optional(),
  })
  .transform((e) => ({ ...e, SMTP_SECURE: e.SMTP_SECURE ?? e.SMTP_PORT === 465 }))
  .superRefine((e, ctx) => {
    // DKIM: all three keys or none, and a private key Node can read.
    const dkim = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter(Boolean).length;
    if (dkim === 1 || dkim === 2) {
      const message = "set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY, or none";
      ctx.addIssue({ code: "custom", path: ["DKIM_DOMAIN"], message });
    }
    const keyProblem = e.DKIM_PRIVATE_KEY ? dkimKeyProblem(e.DKIM_PRIVATE_KEY) : null;
    if (keyProblem) ctx.addIssue({ code: "custom", path: ["DKIM_PRIVATE_KEY"], message: keyProblem });
    if (e.APP_ENV !== "production") return;
    const refuse = (key: string, message: string) => ctx.addIssue({ code: "custom", path: [key], message });
    if (!e.DATABASE_URL) refuse("DATABASE_URL", "production needs a real Postgres: set DATABASE_URL");
    const secretProblem = weakSecret(e.APP_SECRET);
    if (secretProblem) refuse("APP_SECRET", secretProblem);
    if (new URL(e.APP_URL).protocol !== "https:")
      refuse("APP_URL", "production is served over https: set an https:// address");
    if (!e.SMTP_URL && !e.SMTP_HOST) refuse("SMTP_HOST", "production sends real mail: set SMTP_URL or SMTP_HOST");
  });

export type Env = z.infer<typeof envSchema>;

/** Why `secret` cannot key production's links and hashes, or null when it can. */
export function weakSecret(secret: string | undefined): string | null {
  if (!secret) return "required in production: at least 32 random characters (e.g. `openssl rand -base64 48`)";
  if (secret.length < 32) return "must be at least 32 characters";
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const most = Math.max(...counts.values());
  if (counts.size < 10 || most > secret.length / 4 || isRepetition(secret)) {
    return "is of low variety (repeated characters or a repeated pattern): use random characters";
  }
  return null;
}

/** Whether the string is a shorter piece repeated ("abcabcabc…"). */
function isRepetition(s: string): boolean {
  for (let period = 1; period <= s.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < s.length && repeats; i++) repeats = s[i] === s[i - period];
    if (repeats) return true;
  }
  return false;
}

/** Why a DKIM key cannot sign (not PEM, not RSA, too short), or null. */
function dkimKeyProblem(pem: string): string | null {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa") return "an RSA private key (DKIM's rsa-sha256)";
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 1024) return "an RSA key of at least 1024 bits (2048 recommended)";
    return null;
  } catch {
    return "a private key in PEM form (-----BEGIN PRIVATE KEY-----…), line breaks written as \\n if need be";
  }
}

/** The environment `source` describes, or an error naming every key that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment (see .env.example):\n${lines}`);
  }
  return parsed.data;
}
