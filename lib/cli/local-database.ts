// What the command-line tools share outside production: the embedded Postgres that `npm start` runs (so `npm run
// worker` or `npm run organizer:create` work beside it with no setup) and the development secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const projectRoot = resolve(import.meta.dirname, "../..");

/** The embedded server's data folder: EMBEDDED_POSTGRES_DIR, or .data/postgres. */
export function embeddedDataDir(): string {
  return resolve(projectRoot, process.env.EMBEDDED_POSTGRES_DIR ?? join(".data", "postgres"));
}

/** The address of the embedded server while it runs (its port is the fourth line of postmaster.pid), else null. */
export function runningEmbeddedUrl(dataDir: string = embeddedDataDir()): string | null {
  const pidFile = join(dataDir, "postmaster.pid");
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  const password = encodeURIComponent(readFileSync(passwordFile, "utf8").trim());
  return `postgresql://postgres:${password}@127.0.0.1:${Number(port)}/open_letters`;
}

/** Sets DATABASE_URL for a tool from the running embedded server when it is not set; throws when there is none. */
export function toolDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embedded = process.env.APP_ENV === "production" ? null : runningEmbeddedUrl();
  if (!embedded) {
    throw new Error(
      "DATABASE_URL is not set and the embedded Postgres is not running: start the app (`npm start`) or set DATABASE_URL",
    );
  }
  process.env.DATABASE_URL = embedded;
  return embedded;
}

/** Development's secret, made once in .data so links in captured mail survive restarts (never used in production). */
export function developmentSecret(): string {
  const file = join(projectRoot, ".data", "secret");
  mkdirSync(join(projectRoot, ".data"), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
