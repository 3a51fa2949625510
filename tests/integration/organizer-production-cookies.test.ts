// In production the session cookie is also Secure (and __Secure- prefixed). The environment is read once at import,
// so this file sets a production environment before importing the app's modules and restores it afterwards.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  vi.stubEnv("APP_ENV", "production");
  vi.stubEnv("APP_URL", "https://letters.example.test");
  vi.stubEnv("SMTP_HOST", "smtp.example.test");
});

afterAll(async () => {
  const { closeDb } = await import("@/lib/infra/db");
  await closeDb();
  // The auth instance is kept on globalThis: drop the production one with the environment.
  delete (globalThis as { openLettersAuth?: unknown }).openLettersAuth;
  vi.unstubAllEnvs();
});

describe("session cookie in production", () => {
  it("is HttpOnly, SameSite=Lax and Secure", async () => {
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const { createOrganization, createOrganizer, freshIp, password } = await import("./organizer-helpers");
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const res = await POST(
      new Request("https://letters.example.test/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://letters.example.test",
          "x-forwarded-for": freshIp(),
        },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/^__Secure-open-letters\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
