import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

// Integration tests get a database of their own on the local Postgres; tests/setup/database.ts creates it and
// applies the migrations once per run. Never point this at anything but a local server.
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/open_letters_test";

// The tests that start real worker processes (worker-processes.test.ts) use a second database, next to the first:
// a worker sends every message that is due in its database, and there it finds only the mail of that file's tests.
export const workerTestDatabaseUrl = (() => {
  const url = new URL(testDatabaseUrl);
  url.pathname = `${url.pathname}_workers`;
  return url.toString();
})();

const shared = {
  resolve: { alias: { "@": root, "server-only": `${root}tests/setup/server-only.ts` } },
  oxc: { jsx: { runtime: "automatic" as const } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["tests/setup/dom.ts"],
          globals: true,
          // jsdom and user-event are slow on a busy machine: the composer's longer journeys need more than 5 s there.
          testTimeout: 30_000,
          // Building two signed bundles (PDFs with an embedded font) takes more than the default 10 s when busy.
          hookTimeout: 60_000,
          env: { APP_ENV: "test", APP_URL: "http://localhost:3000" },
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globals: true,
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/peer-address.ts"],
          // One file at a time: they share the test database.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: {
            APP_ENV: "test",
            APP_URL: "http://localhost:3000",
            APP_SECRET: "test-secret-test-secret-test-secret-0123456789",
            DATABASE_URL: testDatabaseUrl,
            MAILBOX_DIR: ".data/test-mailbox",
            MAIL_RETRY_DELAY_SECONDS: "1",
            SMTP_URL: "",
            SMTP_HOST: "",
            // No cooling-off unless a test sets a campaign's own hold (letter-hold.test.ts moves the clock through it).
            LETTER_HOLD_HOURS: "0",
            // Campaign senders in the tests' fixtures are on example.test.
            MAIL_SENDER_DOMAINS: "example.test",
          },
        },
      },
    ],
  },
});
