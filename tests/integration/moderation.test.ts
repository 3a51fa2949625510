// Moderation: letters with many links or near-copies of many others are held at confirmation, never picked by the
// delivery scheduler, and released or rejected by an editor of the campaign's organization.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as release from "@/app/api/organizer/letters/[id]/release/route";
import * as reject from "@/app/api/organizer/letters/[id]/reject/route";
import { closeDb, prisma } from "@/lib/infra/db";
import { newToken } from "@/lib/infra/crypto";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { holdRules } from "@/lib/integrity/moderation/hold-rules";
import { scheduleDeliveries } from "@/lib/delivery/schedule-deliveries";
import { params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function pendingLetter(campaignId: string, body: string) {
  const { token, hash } = newToken();
  const email = `w-${randomUUID().slice(0, 8)}@example.test`;
  const letter = await prisma.letter.create({
    data: {
      campaignId,
      email,
      emailKey: email,
      name: "Writer",
      country: "KR",
      subject: "Subject",
      body,
      language: "en",
      locale: "en",
      confirmTokenHash: new Uint8Array(hash),
      confirmTokenExpiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { id: letter.id, token };
}

async function openCampaign(organizationId: string) {
  const suffix = randomUUID().slice(0, 8);
  return prisma.campaign.create({
    data: { slug: `mod-${suffix}`, organizationId, status: "open", goal: 10, targetEmail: "t@example.test" },
  });
}

describe("moderation", () => {
  it("holds a letter with many links, and near-copies of many others; a letter in its own words goes through", async () => {
    const editor = await organizerSession("editor");
    const campaign = await openCampaign(editor.organization.id);

    const links = await pendingLetter(
      campaign.id,
      "Read http://a.example and www.b.example and https://c.example now.",
    );
    expect(await confirmLetter(links.token)).toMatchObject({ status: "confirmed" });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: links.id } })).toMatchObject({
      status: "held",
      heldReason: "links",
    });

    const template = "Dear President, please raise the prison camps at the summit.";
    const copies = [];
    for (let i = 0; i <= holdRules.nearCopies; i++) {
      // Case, spacing and punctuation do not make a copy original.
      const letter = await pendingLetter(
        campaign.id,
        i % 2 ? template.toUpperCase() : template.replaceAll(" ", "  ").replaceAll(",", ""),
      );
      await confirmLetter(letter.token);
      copies.push(letter.id);
    }
    const statuses = await prisma.letter.findMany({
      where: { id: { in: copies } },
      select: { id: true, status: true, heldReason: true },
    });
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(copies.slice(0, holdRules.nearCopies).map((id) => byId.get(id)!.status)).toEqual(
      Array(holdRules.nearCopies).fill("confirmed"),
    );
    expect(byId.get(copies[holdRules.nearCopies]!)).toMatchObject({ status: "held", heldReason: "near_copy" });

    const own = await pendingLetter(
      campaign.id,
      "My brother was sent to a camp in 2009. Please ask about him. http://one.example",
    );
    await confirmLetter(own.token);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("confirmed");
  });

  it("releases a held letter to delivery or rejects it, once, and only within the organization", async () => {
    const editor = await organizerSession("editor");
    const stranger = await organizerSession("owner");
    const campaign = await openCampaign(editor.organization.id);
    const a = await pendingLetter(campaign.id, "http://1.example http://2.example http://3.example");
    const b = await pendingLetter(campaign.id, "http://4.example http://5.example http://6.example");
    await confirmLetter(a.token);
    await confirmLetter(b.token);
    // Held letters wait: the delivery tick takes nothing from this campaign.
    const tick = await scheduleDeliveries();
    expect(tick.find((r) => r.campaignId === campaign.id)).toBeUndefined();
    expect(
      await prisma.letter.count({ where: { campaignId: campaign.id, status: "held", deliveryMessageId: null } }),
    ).toBe(2);

    expect(
      (await release.POST(organizerRequest("POST", "/x", { cookie: stranger.cookie }), params({ id: a.id }))).status,
    ).toBe(404);
    expect(
      (await release.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id: a.id }))).status,
    ).toBe(200);
    expect(
      (await reject.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id: b.id }))).status,
    ).toBe(200);
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "confirmed",
      heldReason: null,
    });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("rejected");
    // Deciding twice changes nothing.
    expect(
      (await reject.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id: a.id }))).status,
    ).toBe(409);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("confirmed");
    // Released, it is deliverable; the rejected one never is.
    const after = await scheduleDeliveries();
    expect(after.find((r) => r.campaignId === campaign.id)).toMatchObject({ letters: 1 });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "queued" });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("rejected");
  });
});
