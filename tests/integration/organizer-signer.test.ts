// One signer, found and erased by an editor: the record and its emails by exact address, then the same erasure as
// the person's own withdraw link. Afterwards they are in no count, no export and not in the next digest; the audit
// line says who erased how much, never whom.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as lookup from "@/app/api/organizer/campaigns/[id]/signers/lookup/route";
import * as erase from "@/app/api/organizer/campaigns/[id]/signers/erase/route";
import * as counts from "@/app/api/organizer/campaigns/[id]/counts/route";
import * as signersExport from "@/app/api/organizer/campaigns/[id]/exports/signers/route";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { scheduleDeliveries } from "@/lib/delivery/schedule-deliveries";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { params } from "./helpers";
import { campaignWithData, organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

/** campaignWithData's campaign as a digest campaign whose count shards match its two confirmed signers, where the
 * first signer also wrote a confirmed letter and was sent a confirmation email. */
async function digestCampaign(organizationId: string) {
  const data = await campaignWithData(organizationId);
  const id = data.campaign.id;
  await prisma.campaign.update({ where: { id }, data: { letterDelivery: "digest" } });
  await prisma.campaignCountShard.create({ data: { campaignId: id, shard: 0, confirmed: 2 } });
  const person = `signer1-${data.suffix}@example.test`;
  const signature = await prisma.signature.findFirstOrThrow({ where: { campaignId: id, email: person } });
  const letter = await prisma.letter.create({
    data: {
      campaignId: id,
      email: person,
      emailKey: person,
      name: `Signer 1 ${data.suffix}`,
      country: "US",
      subject: `Please ${data.suffix}`,
      body: "Dear President, please act.",
      language: "en",
      locale: "en",
      status: "confirmed",
      confirmedAt: new Date(),
    },
  });
  const messageId = randomUUID();
  await prisma.outboxMessage.create({
    data: {
      id: messageId,
      kind: "signature.confirm",
      to: person,
      locale: "en",
      messageId: `<${messageId}@test>`,
      status: "sent",
      sentAt: new Date(),
      signatureId: signature.id,
      campaignId: id,
    },
  });
  return { ...data, person, letterId: letter.id };
}

const post = (route: typeof lookup.POST, cookie: string, campaignId: string, email: string) =>
  route(
    organizerRequest("POST", `/api/organizer/campaigns/${campaignId}/signers/x`, { cookie, body: { email } }),
    params({ id: campaignId }),
  );

describe("one signer", () => {
  it("finds a signer and writer by exact email with their history, and says nothing of other addresses", async () => {
    const editor = await organizerSession("editor");
    const f = await digestCampaign(editor.organization.id);
    const res = await post(lookup.POST, editor.cookie, f.campaign.id, f.person.toUpperCase());
    expect(res.status).toBe(200);
    const record = await res.json();
    expect(record.found).toBe(true);
    expect(record.signatures).toEqual([expect.objectContaining({ status: "confirmed", name: `Signer 1 ${f.suffix}` })]);
    expect(record.letters).toEqual([expect.objectContaining({ status: "confirmed", subject: `Please ${f.suffix}` })]);
    expect(record.emails).toEqual([expect.objectContaining({ kind: "signature.confirm", status: "sent" })]);

    const none = await post(lookup.POST, editor.cookie, f.campaign.id, `nobody-${f.suffix}@example.test`);
    expect(await none.json()).toEqual({ found: false, signatures: [], letters: [], emails: [] });
    const bad = await post(lookup.POST, editor.cookie, f.campaign.id, "not an address");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.email.code).toBe("invalid_email");
  });

  it("erases them: gone from the record, the counts, the export and the next digest; audited without their address", async () => {
    const editor = await organizerSession("editor");
    const f = await digestCampaign(editor.organization.id);
    const id = f.campaign.id;
    const res = await post(erase.POST, editor.cookie, id, f.person);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signatures: 1, uncounted: 1, letters: 1, waiting: 0 });

    const again = await post(lookup.POST, editor.cookie, id, f.person);
    expect((await again.json()).found).toBe(false);
    expect(await prisma.signature.count({ where: { campaignId: id, emailKey: f.person } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { to: f.person } })).toBe(0);

    // Counts: the public count and the organizer's figures both lost them.
    expect(await signatureCountFor(f.campaign.slug)).toEqual({ confirmed: 1, goal: 100 });
    const figures = await (
      await counts.GET(organizerRequest("GET", "/x", { cookie: editor.cookie }), params({ id }))
    ).json();
    expect(figures.totals.confirmedSignatures).toBe(1);

    // The export lists the other consenting signers, not them.
    const csv = await (
      await signersExport.GET(
        organizerRequest("GET", `/api/organizer/campaigns/${id}/exports/signers?include=letters,addresses`, {
          cookie: editor.cookie,
        }),
        params({ id }),
      )
    ).text();
    expect(csv).not.toContain(f.person);
    expect(csv).not.toContain(`Signer 1 ${f.suffix}`);

    // The next digest carries the one remaining confirmed signer and no letter from them.
    const tick = await scheduleDeliveries();
    expect(tick.find((r) => r.campaignId === id)?.digest).toEqual({ signatures: 1, letters: 0 });
    const carried = await prisma.signature.findMany({
      where: { campaignId: id, deliveryMessageId: { not: null } },
      select: { email: true },
    });
    expect(carried).toEqual([{ email: `signer2-${f.suffix}@example.test` }]);

    const [line] = await prisma.auditEvent.findMany({ where: { organizationId: editor.organization.id } });
    expect(line).toMatchObject({
      actorEmail: editor.email,
      action: "signer.erased",
      targetId: id,
      target: f.campaign.slug,
      details: { signatures: 1, uncounted: 1, letters: 1, waiting: 0 },
    });
    expect(JSON.stringify(line)).not.toContain(f.person);
  });

  it("a viewer may neither look up nor erase (403); another organization's campaign is 404", async () => {
    const owner = await organizerSession("owner");
    const viewer = await organizerSession("viewer", owner.organization.id);
    const f = await digestCampaign(owner.organization.id);
    expect((await post(lookup.POST, viewer.cookie, f.campaign.id, f.person)).status).toBe(403);
    expect((await post(erase.POST, viewer.cookie, f.campaign.id, f.person)).status).toBe(403);
    const stranger = await organizerSession("owner");
    expect((await post(erase.POST, stranger.cookie, f.campaign.id, f.person)).status).toBe(404);
    expect(await prisma.signature.count({ where: { campaignId: f.campaign.id, emailKey: f.person } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });
});
