// Sign-in throttling an attacker cannot turn against the owner: only failures count, per account and per client
// network (keyed hashes, never the address); a network that keeps failing is refused with Retry-After, the owner from
// another network gets in, and once the window has passed (the app's clock moved) the network may try again.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { stopBoss } from "@/lib/infra/queue/boss";
import { createOrganization, createOrganizer, freshIp, password, signInRequest } from "./organizer-helpers";

afterEach(resetClock);
afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const wrong = "wrong password, long enough";

async function owner() {
  const organization = await createOrganization();
  return createOrganizer(organization.id);
}

describe("sign-in throttling", () => {
  it("an attacker failing 20 times from their networks does not lock out the owner signing in from another", async () => {
    const { email } = await owner();
    const attacker = [freshIp(), freshIp(), freshIp(), freshIp()];
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await authPost(signInRequest(email, wrong, attacker[i % 4]))).status);
    // SIGN_IN_ACCOUNT_MAX_ATTEMPTS (10) failures lock the account against the networks that made them.
    expect(answers).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);

    const refused = await authPost(signInRequest(email, wrong, attacker[0]));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(env.SIGN_IN_ACCOUNT_WINDOW_SECONDS);
    // The right password from the attacker's network is refused too: it has been failing.
    expect((await authPost(signInRequest(email, password, attacker[1]))).status).toBe(429);

    const signedIn = await authPost(signInRequest(email, password, freshIp()));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie().some((c) => c.includes("session_token"))).toBe(true);
  });

  it("refuses a network that keeps failing, on any account, with Retry-After; lets it try again after the window", async () => {
    const ip = freshIp();
    const accounts = await Promise.all(Array.from({ length: env.SIGN_IN_MAX_ATTEMPTS }, owner));
    for (const { email } of accounts) expect((await authPost(signInRequest(email, wrong, ip))).status).toBe(401);
    const fresh = await owner();
    const refused = await authPost(signInRequest(fresh.email, password, ip));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    // The window started at the first failure, a few (real) seconds ago.
    expect(retryAfter).toBeLessThanOrEqual(env.SIGN_IN_WINDOW_SECONDS);
    expect(retryAfter).toBeGreaterThan(env.SIGN_IN_WINDOW_SECONDS - 30);
    expect(refused.headers.getSetCookie()).toEqual([]);
    // Refusals are not failures: they do not extend the window.
    advanceClock(60_000);
    const later = await authPost(signInRequest(fresh.email, wrong, ip));
    expect(later.status).toBe(429);
    expect(Number(later.headers.get("retry-after"))).toBeLessThanOrEqual(retryAfter - 60);
    expect(Number(later.headers.get("retry-after"))).toBeGreaterThan(retryAfter - 70);

    advanceClock(env.SIGN_IN_WINDOW_SECONDS * 1000);
    expect((await authPost(signInRequest(fresh.email, wrong, ip))).status).toBe(401);
    expect((await authPost(signInRequest(fresh.email, password, ip))).status).toBe(200);
  });

  it("after the account window the attacker's networks may try the account again", async () => {
    const { email } = await owner();
    const attacker = Array.from({ length: env.SIGN_IN_ACCOUNT_MAX_ATTEMPTS }, freshIp);
    for (const ip of attacker) expect((await authPost(signInRequest(email, wrong, ip))).status).toBe(401);
    expect((await authPost(signInRequest(email, wrong, attacker[0]))).status).toBe(429);
    advanceClock(env.SIGN_IN_ACCOUNT_WINDOW_SECONDS * 1000);
    expect((await authPost(signInRequest(email, wrong, attacker[0]))).status).toBe(401);
  });

  it("keeps no address or email in its counters", async () => {
    const { email } = await owner();
    const ip = freshIp();
    await authPost(signInRequest(email, wrong, ip));
    const { rows } = await pool.query<{ key: string }>(
      `SELECT key FROM rate_limit WHERE key LIKE 'sign-in-failures:%'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { key } of rows) {
      expect(key).not.toContain(ip);
      expect(key).not.toContain(email);
    }
  });

  it("sends Retry-After with better-auth's own 429s too", async () => {
    const ip = freshIp();
    let last: Response | undefined;
    // better-auth's flood guard counts every request to /sign-in/* from an address (30 a minute).
    for (let i = 0; i < 31; i++) {
      last = await authPost(
        new Request("http://localhost:3000/api/auth/sign-in/social", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": ip },
          body: JSON.stringify({ provider: "none" }),
        }),
      );
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
