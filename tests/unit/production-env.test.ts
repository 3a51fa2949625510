// Production refuses to start on unsafe settings, naming the key that is wrong (lib/infra/env-schema.ts and the start
// script's check of secrets written in the project, lib/cli/check-production-secret.ts).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { refuseKnownSecret } from "@/lib/cli/check-production-secret";
import { parseEnv } from "@/lib/infra/env-schema";

const safe = {
  APP_ENV: "production",
  APP_URL: "https://letters.example.org",
  // Made here: a secret written in this file would be one "written in the project".
  APP_SECRET: randomBytes(32).toString("base64url"),
  DATABASE_URL: "postgresql://app@db.internal:5432/open_letters",
  SMTP_HOST: "smtp.example.org",
};

const refusal = (env: Record<string, string | undefined>) => {
  try {
    parseEnv(env);
    refuseKnownSecret(env);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe("production settings", () => {
  it("start with a real database, a strong secret, https and a relay", () => {
    expect(refusal(safe)).toBeNull();
  });

  it.each([
    ["no DATABASE_URL", { DATABASE_URL: undefined }, "DATABASE_URL"],
    ["no APP_SECRET", { APP_SECRET: undefined }, "APP_SECRET"],
    [
      "an APP_SECRET shorter than 32 characters",
      { APP_SECRET: randomBytes(32).toString("base64url").slice(0, 31) },
      "APP_SECRET",
    ],
    ["32 × a", { APP_SECRET: "a".repeat(32) }, "APP_SECRET"],
    ["a repeated pattern", { APP_SECRET: "0123456789abcdef0123456789abcdef" }, "APP_SECRET"],
    ["few distinct characters", { APP_SECRET: "abcabcabcdabcabcabcdabcabcabcdxy" }, "APP_SECRET"],
    [
      "the development fallback written in the code",
      { APP_SECRET: "open-letters-development-secret-not-for-production" },
      "APP_SECRET",
    ],
    ["the integration tests' secret", { APP_SECRET: "test-secret-test-secret-test-secret-0123456789" }, "APP_SECRET"],
    ["an http APP_URL", { APP_URL: "http://letters.example.org" }, "APP_URL"],
    ["no SMTP relay", { SMTP_HOST: undefined }, "SMTP_HOST"],
  ])("refuse %s, naming the key", (_what, change, key) => {
    const message = refusal({ ...safe, ...change });
    expect(message).toMatch(/^Invalid environment/);
    expect(message).toMatch(new RegExp(`^  ${key}: `, "m"));
  });

  it("name every wrong key at once", () => {
    const message = refusal({ APP_ENV: "production", APP_URL: "http://x.example" })!;
    for (const key of ["DATABASE_URL", "APP_SECRET", "APP_URL", "SMTP_HOST"])
      expect(message).toMatch(new RegExp(`^  ${key}: `, "m"));
  });

  it("are not required outside production", () => {
    expect(refusal({ APP_ENV: "development" })).toBeNull();
  });
});
