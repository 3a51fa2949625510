// The demo organizer: created once in development as an owner of the given organization, with a password that
// signs in; never in production (see ensure-demo-organizer). And the invitation email, rendered from its outbox row.
import { afterAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { closeDb, prisma } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import type { OutboxRow } from "@/lib/infra/outbox/outbox";
import { ensureDemoOrganizer } from "@/lib/organizers/team/ensure-demo-organizer";
import { renderInvitationMessage } from "@/lib/organizers/team/render-invitation-mail";
import { stopBoss } from "@/lib/infra/queue/boss";
import { inviteMember } from "@/lib/organizers/team/invite-member";
import { scopeFor } from "@/lib/organizers/scope";
import { createOrganization, createOrganizer, signInRequest } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

describe("demo organizer", () => {
  it("is created once, as an owner, and its printed password signs in", async () => {
    await prisma.user.deleteMany({ where: { email: env.DEMO_ORGANIZER_EMAIL } });
    const organization = await createOrganization("Demo");
    const created = await ensureDemoOrganizer(organization.id);
    expect(created).toMatchObject({ email: env.DEMO_ORGANIZER_EMAIL });
    expect(created!.password.length).toBeGreaterThanOrEqual(12);
    expect(await ensureDemoOrganizer(organization.id)).toBeNull();
    const member = await prisma.member.findFirstOrThrow({ where: { user: { email: env.DEMO_ORGANIZER_EMAIL } } });
    expect(member).toMatchObject({ organizationId: organization.id, role: "owner" });
    expect((await authPost(signInRequest(created!.email, created!.password))).status).toBe(200);
  });
});

describe("invitation email", () => {
  it("names the organization and links to the acceptance page in the invitee's language", async () => {
    const organization = await createOrganization("초대 단체");
    const owner = await createOrganizer(organization.id);
    const scope = scopeFor({
      userId: owner.userId,
      email: owner.email,
      name: "Owner",
      organizationId: organization.id,
      organizationName: organization.name,
      role: "owner",
    });
    await inviteMember(scope, { email: "invitee-ko@example.test", role: "viewer", locale: "ko" });
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "organizer.invitation", to: "invitee-ko@example.test" },
      orderBy: { createdAt: "desc" },
    });
    const token = (row.payload as { token: string }).token;
    const mail = await renderInvitationMessage({
      id: row.id,
      kind: "organizer.invitation",
      to: row.to,
      locale: row.locale,
      payload: row.payload as Record<string, unknown>,
      message_id: row.messageId,
      signature_id: null,
      letter_id: null,
      campaign_id: null,
    } satisfies OutboxRow);
    expect(mail!.subject).toContain(organization.name);
    expect(mail!.subject).toMatch(/참여/);
    expect(mail!.text).toContain(`http://localhost:3000/ko/admin/invitation/${token}`);
    expect(mail!.html).not.toContain("<script");
  });
});
