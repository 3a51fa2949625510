// Sign-in: the same answer for an unknown account and a wrong password, throttling counted in Postgres, cookie
// attributes; invitations from owner to a new organizer's first sign-in.
import { afterAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import * as invitations from "@/app/api/organizer/invitations/route";
import * as accept from "@/app/api/organizer/invitations/accept/route";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { stopBoss } from "@/lib/infra/queue/boss";
import { addressStandIn } from "@/lib/organizers/auth/with-client-address";
import { params, sendState } from "./helpers";
import {
  appOrigin,
  createOrganizer,
  createOrganization,
  freshIp,
  organizerRequest,
  organizerSession,
  password,
  signIn,
  signInRequest,
} from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

describe("sign-in", () => {
  it("answers an unknown account and a wrong password identically", async () => {
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const unknown = await authPost(signInRequest("nobody@example.test", password));
    const wrong = await authPost(signInRequest(email, "wrong password, long enough"));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(unknown.headers.getSetCookie()).toEqual([]);
  });

  it("sets an HttpOnly, SameSite session cookie and stores the session in Postgres", async () => {
    const organization = await createOrganization();
    const { email, userId } = await createOrganizer(organization.id);
    const res = await authPost(signInRequest(email, password));
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Not Secure outside production (http://localhost); lib/auth sets it when APP_ENV=production.
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(await prisma.session.count({ where: { userId } })).toBe(1);
  });

  it("throttles sign-in attempts per client address, in the database, even with the right password", async () => {
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await authPost(signInRequest(email, "wrong password, long enough", ip))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await authPost(signInRequest(email, password, ip));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.getSetCookie()).toEqual([]);
    // Counted under a keyed hash of the address (written as one), never the address itself.
    const standIn = addressStandIn(ip).slice(0, 19);
    const { rows } = await pool.query<{ count: number }>(`SELECT count FROM rate_limit WHERE key LIKE $1`, [
      `%${standIn}%`,
    ]);
    expect(rows[0]?.count).toBe(5);
    expect((await pool.query(`SELECT 1 FROM rate_limit WHERE key LIKE $1`, [`%${ip}%`])).rowCount).toBe(0);
    // Another address is not affected.
    expect((await authPost(signInRequest(email, password, freshIp()))).status).toBe(200);
  });

  it("throttles by the address the server vouches for: entries a client adds to X-Forwarded-For choose nothing", async () => {
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const spoofed = (ip: string, attempt: string) => {
      const request = signInRequest(email, attempt, ip);
      request.headers.set("x-forwarded-for", `${freshIp()}, ${ip}`);
      request.headers.set("x-open-letters-client-address", freshIp());
      return request;
    };
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await authPost(spoofed(ip, "wrong password, long enough"))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await authPost(spoofed(ip, password))).status).toBe(429);
    // Someone else, whatever they add to the header, is not throttled with them.
    expect((await authPost(spoofed(freshIp(), password))).status).toBe(200);
  });

  it("throttles failures per account too, but only for the networks that failed on it", async () => {
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const statuses: number[] = [];
    // SIGN_IN_ACCOUNT_MAX_ATTEMPTS (10) wrong guesses from ten different addresses...
    const guessers = Array.from({ length: 10 }, freshIp);
    for (const ip of guessers)
      statuses.push((await authPost(signInRequest(email.toUpperCase(), "wrong password, long enough", ip))).status);
    expect(statuses).toEqual(Array(10).fill(401));
    // ...and the account takes no more from them, even with the right password...
    const refused = await authPost(signInRequest(email, password, guessers[0]));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // ...while its owner, from a network that made no guess, signs in. Other accounts are not affected.
    expect((await authPost(signInRequest(email, password, freshIp()))).status).toBe(200);
    const other = await createOrganizer(organization.id);
    expect((await authPost(signInRequest(other.email, password, guessers[0]))).status).toBe(200);
  });

  it("refuses a sign-in posted from another site", async () => {
    const organization = await createOrganization();
    const { email } = await createOrganizer(organization.id);
    const res = await authPost(
      new Request(`${appOrigin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", "x-forwarded-for": freshIp() },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(res.status).toBe(403);
  });

  it("has no public sign-up", async () => {
    const res = await authPost(
      new Request(`${appOrigin}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appOrigin, "x-forwarded-for": freshIp() },
        body: JSON.stringify({ email: "intruder@example.test", password, name: "Intruder" }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await prisma.user.count({ where: { email: "intruder@example.test" } })).toBe(0);
  });
});

describe("invitations", () => {
  it("an owner invites by email; the invitee sets a password, joins with the given role and signs in", async () => {
    const owner = await organizerSession("owner");
    const email = `invitee-${Date.now()}@example.test`;
    const res = await invitations.POST(
      organizerRequest("POST", "/api/organizer/invitations", {
        cookie: owner.cookie,
        body: { email, role: "editor", locale: "ko" },
      }),
      params({}),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "organizer.invitation", to: email } });
    expect(message.locale).toBe("ko");
    const token = (message.payload as { token: string }).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The row is the email's only job: due at once for the send loops.
    expect(await sendState(message.id)).toEqual({ status: "pending", attempts: 0, claimed_by: null, due: true });
    // Only the token's hash is stored.
    const invitation = await prisma.invitation.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(invitation.tokenHash).toString("base64url")).not.toBe(token);

    const accepted = await accept.POST(
      organizerRequest("POST", "/api/organizer/invitations/accept", {
        body: { token, name: "New Organizer", password },
      }),
      params({}),
    );
    expect(accepted.status).toBe(201);
    const member = await prisma.member.findFirstOrThrow({ where: { user: { email } } });
    expect(member).toMatchObject({ organizationId: owner.organization.id, role: "editor" });

    // The link works once.
    const again = await accept.POST(
      organizerRequest("POST", "/api/organizer/invitations/accept", { body: { token, name: "Again", password } }),
      params({}),
    );
    expect(again.status).toBe(404);

    const cookie = await signIn(email);
    const list = await campaigns.GET(organizerRequest("GET", "/api/organizer/campaigns", { cookie }), params({}));
    expect(list.status).toBe(200);
  });

  it("refuses expired invitations and invitations by non-owners", async () => {
    const owner = await organizerSession("owner");
    const editor = await organizerSession("editor", owner.organization.id);
    const byEditor = await invitations.POST(
      organizerRequest("POST", "/api/organizer/invitations", {
        cookie: editor.cookie,
        body: { email: "x@example.test" },
      }),
      params({}),
    );
    expect(byEditor.status).toBe(403);

    const email = `late-${Date.now()}@example.test`;
    await invitations.POST(
      organizerRequest("POST", "/api/organizer/invitations", { cookie: owner.cookie, body: { email } }),
      params({}),
    );
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "organizer.invitation", to: email } });
    // The link's lifetime passes (the app's clock moves; nothing in the database is rewritten).
    advanceClock(env.INVITATION_TTL_HOURS * 3600_000 + 1000);
    const res = await accept
      .POST(
        organizerRequest("POST", "/api/organizer/invitations/accept", {
          body: { token: (message.payload as { token: string }).token, name: "Late", password },
        }),
        params({}),
      )
      .finally(resetClock);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("invitation_invalid");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
