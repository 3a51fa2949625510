// The validated environment. Read once; code imports typed values from here instead of touching process.env.
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "on", "yes"].includes(v)));

const schema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    SMTP_URL: z.string().optional(),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: flag,
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().default("Open Letters <no-reply@open-letters.localhost>"),
    MAILBOX_DIR: z.string().default(".data/mailbox"),
    MAIL_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
    CONFIRMATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
    DELIVERY_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
    DELIVERY_TICK_CRON: z.string().default("* * * * *"),
    DIGEST_MAX_ITEMS: z.coerce.number().int().min(1).default(50_000),
    DIGEST_MAX_LETTERS: z.coerce.number().int().min(1).default(100),
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(120),
    JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).default(60),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
    SIGN_IN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
    SIGN_IN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
    MODERATION_MAX_LINKS: z.coerce.number().int().min(0).default(2),
    MODERATION_NEAR_COPIES: z.coerce.number().int().min(0).default(10),
    SIGNALS_NETWORK_MIN: z.coerce.number().int().min(2).default(20),
    SIGNALS_BURST_PER_MINUTE: z.coerce.number().int().min(2).default(30),
    SIGNALS_NEAR_COPIES_MIN: z.coerce.number().int().min(2).default(3),
    DEMO_ORGANIZER_EMAIL: z.email().default("organizer@open-letters.example"),
    DEMO_ORGANIZER_PASSWORD: z.string().min(12).optional(),
  })
  .transform((e) => ({ ...e, SMTP_SECURE: e.SMTP_SECURE ?? e.SMTP_PORT === 465 }))
  .superRefine((e, ctx) => {
    if (e.APP_ENV !== "production") return;
    if (!e.APP_SECRET) ctx.addIssue({ code: "custom", path: ["APP_SECRET"], message: "required in production" });
    if (!e.SMTP_URL && !e.SMTP_HOST) ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "production sends real mail: set SMTP_URL or SMTP_HOST" });
    if (!e.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "production needs a real Postgres" });
  });

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment (see .env.example):\n${lines}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** Development and tests keep mail in a local mailbox instead of a relay. */
export const usesLocalMailbox = !env.SMTP_URL && !env.SMTP_HOST;

/** Keys hashes and signed links. Development falls back to a fixed value so that links survive restarts. */
export const appSecret = env.APP_SECRET ?? "open-letters-development-secret-not-for-production";

export function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  return env.DATABASE_URL;
}
