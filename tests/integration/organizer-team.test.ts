// The team page's routes: members with their last sign-in, role changes and removal (never the last owner; a removed
// member's next request is refused), invitations resent and revoked (the old link is dead), an address that already
// belongs to an organizer refused at once, and an audit line for every change.
import { afterAll, describe, expect, it } from "vitest";
import * as invitations from "@/app/api/organizer/invitations/route";
import * as invitation from "@/app/api/organizer/invitations/[id]/route";
import * as resend from "@/app/api/organizer/invitations/[id]/resend/route";
import * as accept from "@/app/api/organizer/invitations/accept/route";
import * as member from "@/app/api/organizer/members/[id]/route";
import * as team from "@/app/api/organizer/team/route";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { describeInvitation } from "@/lib/organizers/team/describe-invitation";
import { params } from "./helpers";
import { organizerRequest, organizerSession, password, signIn, signInRequest } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const memberId = async (email: string) => (await prisma.member.findFirstOrThrow({ where: { user: { email } } })).id;

async function invite(cookie: string, email: string, role = "editor") {
  return invitations.POST(
    organizerRequest("POST", "/api/organizer/invitations", { cookie, body: { email, role, locale: "ko" } }),
    params({}),
  );
}

async function tokenFor(invitationId: string) {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { kind: "organizer.invitation", payload: { path: ["invitationId"], equals: invitationId } },
  });
  return { token: (message.payload as { token: string }).token, locale: message.locale };
}

async function acceptWith(token: string) {
  return accept.POST(
    organizerRequest("POST", "/api/organizer/invitations/accept", { body: { token, name: "Invitee", password } }),
    params({}),
  );
}

const audit = (organizationId: string) =>
  prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });

describe("members", () => {
  it("lists members with role and last sign-in, open invitations and who sent them", async () => {
    const owner = await organizerSession("owner");
    const editor = await organizerSession("editor", owner.organization.id);
    const email = `listed-${Date.now()}@example.test`;
    expect((await invite(owner.cookie, email)).status).toBe(201);
    const res = await team.GET(organizerRequest("GET", "/api/organizer/team", { cookie: owner.cookie }), params({}));
    expect(res.status).toBe(200);
    const body = await res.json();
    const listed = body.members.find((m: { email: string }) => m.email === editor.email);
    expect(listed).toMatchObject({ role: "editor", self: false });
    expect(listed.lastSignInAt).not.toBeNull();
    expect(body.invitations).toEqual([
      expect.objectContaining({ email, role: "editor", invitedBy: owner.email, expired: false }),
    ]);
    expect(body.audit[0]).toMatchObject({ actor: owner.email, action: "member.invited", target: email });
  });

  it("changes a role, audited; the last owner cannot be demoted", async () => {
    const owner = await organizerSession("owner");
    const editor = await organizerSession("editor", owner.organization.id);
    const patch = (id: string, role: string) =>
      member.PATCH(
        organizerRequest("PATCH", `/api/organizer/members/${id}`, { cookie: owner.cookie, body: { role } }),
        params({ id }),
      );
    const promoted = await patch(await memberId(editor.email), "viewer");
    expect(promoted.status).toBe(200);
    expect((await prisma.member.findFirstOrThrow({ where: { user: { email: editor.email } } })).role).toBe("viewer");

    const demoteSelf = await patch(await memberId(owner.email), "editor");
    expect(demoteSelf.status).toBe(409);
    expect((await demoteSelf.json()).error.fields.role.code).toBe("last_owner");
    expect((await prisma.member.findFirstOrThrow({ where: { user: { email: owner.email } } })).role).toBe("owner");

    expect(await audit(owner.organization.id)).toEqual([
      expect.objectContaining({
        actorEmail: owner.email,
        actorId: owner.userId,
        action: "member.role_changed",
        target: editor.email,
        details: { from: "editor", to: "viewer" },
      }),
    ]);
  });

  it("removes a member: their next request is refused, they cannot sign in, and the last owner stays", async () => {
    const owner = await organizerSession("owner");
    const editor = await organizerSession("editor", owner.organization.id);
    const list = () => campaigns.GET(organizerRequest("GET", "/x", { cookie: editor.cookie }), params({}));
    expect((await list()).status).toBe(200);
    const id = await memberId(editor.email);
    const removed = await member.DELETE(
      organizerRequest("DELETE", `/api/organizer/members/${id}`, { cookie: owner.cookie }),
      params({ id }),
    );
    expect(removed.status).toBe(200);
    expect((await list()).status).toBe(401);
    expect(await prisma.session.count({ where: { userId: editor.userId } })).toBe(0);
    expect((await authPost(signInRequest(editor.email, password))).status).toBe(401);

    const ownerId = await memberId(owner.email);
    const last = await member.DELETE(
      organizerRequest("DELETE", `/api/organizer/members/${ownerId}`, { cookie: owner.cookie }),
      params({ id: ownerId }),
    );
    expect(last.status).toBe(409);
    expect(await prisma.member.count({ where: { id: ownerId } })).toBe(1);
    expect((await audit(owner.organization.id)).map((a) => [a.action, a.target])).toEqual([
      ["member.removed", editor.email],
    ]);

    // Someone who left may come back: invited again, they choose a new password and join.
    const again = await invite(owner.cookie, editor.email, "viewer");
    expect(again.status).toBe(201);
    const { token } = await tokenFor((await again.json()).id);
    expect((await acceptWith(token)).status).toBe(201);
    const cookie = await signIn(editor.email);
    expect((await campaigns.GET(organizerRequest("GET", "/x", { cookie }), params({}))).status).toBe(200);
  });

  it("a member of the organization removes no one, changes no role and sees no team (403)", async () => {
    const owner = await organizerSession("owner");
    for (const role of ["editor", "viewer"] as const) {
      const other = await organizerSession(role, owner.organization.id);
      const id = await memberId(owner.email);
      const del = await member.DELETE(organizerRequest("DELETE", "/x", { cookie: other.cookie }), params({ id }));
      expect(del.status).toBe(403);
      const patch = await member.PATCH(
        organizerRequest("PATCH", "/x", { cookie: other.cookie, body: { role: "viewer" } }),
        params({ id }),
      );
      expect(patch.status).toBe(403);
      expect((await team.GET(organizerRequest("GET", "/x", { cookie: other.cookie }), params({}))).status).toBe(403);
    }
    expect(await audit(owner.organization.id)).toEqual([]);
  });
});

describe("invitations", () => {
  it("refuses at once an address that already belongs to an organizer, on the email field, storing nothing", async () => {
    const owner = await organizerSession("owner");
    const elsewhere = await organizerSession("viewer");
    for (const email of [elsewhere.email, elsewhere.email.toUpperCase(), owner.email]) {
      const res = await invite(owner.cookie, email);
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.error.fields.email.code).toBe("already_organizer");
      expect(body.error.fields.email.message).toMatch(/already has an organizer account/);
    }
    expect(await prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { kind: "organizer.invitation", to: elsewhere.email } })).toBe(0);
  });

  it("the invitation page names the organization, the role and who invited", async () => {
    const owner = await organizerSession("owner");
    const res = await invite(owner.cookie, `named-${Date.now()}@example.test`, "viewer");
    const { token } = await tokenFor((await res.json()).id);
    expect(await describeInvitation(token, "en")).toEqual({
      organization: owner.organization.name,
      role: "viewer",
      inviterName: "Test Organizer",
      inviterEmail: owner.email,
    });
  });

  it("resends with a new link in the same language (the old one is dead) and revokes (its link is dead)", async () => {
    const owner = await organizerSession("owner");
    const email = `resent-${Date.now()}@example.test`;
    const first = (await (await invite(owner.cookie, email)).json()).id as string;
    const old = await tokenFor(first);
    const resent = await resend.POST(
      organizerRequest("POST", `/api/organizer/invitations/${first}/resend`, { cookie: owner.cookie }),
      params({ id: first }),
    );
    expect(resent.status).toBe(201);
    const second = (await resent.json()).id as string;
    const fresh = await tokenFor(second);
    expect(fresh.locale).toBe("ko");
    expect(fresh.token).not.toBe(old.token);
    expect(await describeInvitation(old.token, "en")).toBeNull();
    expect((await acceptWith(old.token)).status).toBe(404);

    const revoked = await invitation.DELETE(
      organizerRequest("DELETE", `/api/organizer/invitations/${second}`, { cookie: owner.cookie }),
      params({ id: second }),
    );
    expect(revoked.status).toBe(200);
    expect(await describeInvitation(fresh.token, "en")).toBeNull();
    const dead = await acceptWith(fresh.token);
    expect(dead.status).toBe(404);
    expect((await dead.json()).error.code).toBe("invitation_invalid");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // Revoking again: there is nothing open by that id.
    const twice = await invitation.DELETE(
      organizerRequest("DELETE", `/api/organizer/invitations/${second}`, { cookie: owner.cookie }),
      params({ id: second }),
    );
    expect(twice.status).toBe(404);
    expect((await audit(owner.organization.id)).map((a) => a.action)).toEqual([
      "member.invited",
      "invitation.resent",
      "invitation.revoked",
    ]);
  });

  it("audit lines carry the app clock's time", async () => {
    const owner = await organizerSession("owner");
    advanceClock(7 * 24 * 3600_000);
    try {
      await invite(owner.cookie, `later-${Date.now()}@example.test`);
    } finally {
      resetClock();
    }
    const [line] = await audit(owner.organization.id);
    expect(line!.createdAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
  });
});
