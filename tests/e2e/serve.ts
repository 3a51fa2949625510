// Starts the app for the browser tests: a fresh database, an empty mailbox, then `npm start`'s own entry point.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";

const url = new URL(process.env.E2E_DATABASE_URL!);
const name = url.pathname.slice(1);
const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();

const mailbox = `.data/e2e-mailbox-${process.env.E2E_PORT}`;
rmSync(mailbox, { recursive: true, force: true });

const port = process.env.E2E_PORT!;
const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: url.toString(),
    MAILBOX_DIR: mailbox,
    APP_ENV: "development",
    SMTP_URL: "",
    SMTP_HOST: "",
    // Browser tests fill forms faster than people: the time-to-submit check is tested for real in integration.
    SIGN_MIN_SECONDS: "0",
    LETTER_MIN_SECONDS: "0",
    // A few suspected submissions turn the challenge on for their campaign (each test has its own campaign).
    CHALLENGE_SUSPECT_PER_5_MINUTES: "5",
  },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
