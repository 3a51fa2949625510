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
    // Browser tests fill forms faster than people. The sign form keeps a minimum (signMinSeconds in fixtures.ts), so
    // that a test can show the browser waiting it out; the letter's is tested in integration.
    SIGN_MIN_SECONDS: "2",
    // No cooling-off by default: the test of the hold gives its campaign one of its own (letters.spec.ts).
    LETTER_HOLD_HOURS: "0",
    LETTER_MIN_SECONDS: "0",
    // A few suspected submissions turn the challenge on for their campaign and network (each test has its own campaign).
    CHALLENGE_SUSPECT_PER_5_MINUTES: "5",
    // The wait a form without JavaScript is asked for under attack, short enough for a test to wait it out.
    CHALLENGE_WAIT_SECONDS: "2",
    // Every browser test comes from 127.0.0.1, one network: its counter would carry one test's attempts into the
    // next. The per-network challenge is tested in integration, where each test has a network of its own.
    CHALLENGE_NETWORK_PER_10_MINUTES: "1000000",
    // A short burst window (15 per 2 s; burstSeconds in fixtures.ts), so the test that reaches it waits two seconds
    // at most for it to pass.
    RATE_IP_BURST: "15",
    RATE_IP_BURST_SECONDS: "2",
  },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
