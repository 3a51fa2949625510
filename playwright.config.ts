import { defineConfig, devices } from "@playwright/test";

// Browser tests run the real app (`npm start` path: migrations, seed, build, worker, next start) against a
// database of their own on the local Postgres, with mail kept in a local mailbox they read like a person would.
const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/open_letters_e2e";
const host = new URL(e2eDatabaseUrl).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host))
  throw new Error(`refusing to run browser tests against ${host}: use a local Postgres`);

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // The framing test plays another site from a routed page; Chromium's local-network checks would block its frames.
    "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL: `http://localhost:${port}`, trace: "retain-on-failure", launchOptions: chromium },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: /(sign|letters)\.spec\.ts/ },
  ],
  webServer: {
    command: "node --import tsx tests/e2e/serve.ts",
    url: `http://localhost:${port}/en`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(port), E2E_DATABASE_URL: e2eDatabaseUrl },
  },
});
