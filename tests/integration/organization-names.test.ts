// An organization's name per language: Korean pages and emails say "주최: <its Korean name>" with the particle that
// name takes, other languages use its own name; organizer:create and the seed give it.
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { createOrganization } from "@/lib/organizers/team/create-organization";
import { renderSignatureMessage } from "@/lib/signatures/render-signature-mail";
import { signatureInput } from "@/lib/signatures/schema";
import { signPetition } from "@/lib/signatures/sign-petition";
import { seed } from "../../prisma/seed";
import { demoOrganization } from "../../prisma/seed-data/flagship";
import { createCampaign, signer } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function confirmationMail(slug: string, locale: "en" | "ko") {
  const input = signatureInput.parse(signer({ locale }));
  await signPetition(slug, input);
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { to: input.email } });
  return (await renderSignatureMessage({
    id: row.id,
    kind: row.kind as MessageKind,
    to: row.to,
    locale: row.locale,
    payload: row.payload as Record<string, unknown>,
    message_id: row.messageId,
    signature_id: row.signatureId,
    letter_id: null,
    campaign_id: null,
  }))!;
}

describe("an organization's name per language", () => {
  it("shows the Korean name on Korean pages and in Korean emails, and its own name elsewhere", async () => {
    const campaign = await createCampaign();
    const own = await prisma.organization.findUniqueOrThrow({ where: { id: campaign.organizationId } });
    await prisma.organizationTranslation.create({
      data: { organizationId: own.id, locale: "ko", name: "북한인권 시범 연대" },
    });
    expect((await getPublicCampaign(campaign.slug, "ko"))!.organizationName).toBe("북한인권 시범 연대");
    expect((await getPublicCampaign(campaign.slug, "en"))!.organizationName).toBe(own.name);

    const ko = await confirmationMail(campaign.slug, "ko");
    expect(ko.text).toContain("— 북한인권 시범 연대를 대신하여 오픈 레터스 드림");
    expect(ko.text).not.toMatch(/\((을|를|으)\)/);
    const en = await confirmationMail(campaign.slug, "en");
    expect(en.text).toContain(own.name);
    expect(en.text).not.toContain("북한인권");
  });

  it("falls back to the organization's own name, with the particle that name takes", async () => {
    const campaign = await createCampaign();
    const own = await prisma.organization.findUniqueOrThrow({ where: { id: campaign.organizationId } });
    expect((await getPublicCampaign(campaign.slug, "ko"))!.organizationName).toBe(own.name);
    const ko = await confirmationMail(campaign.slug, "ko");
    // "Org 1a2b3c4d" ends in a letter or digit read aloud; the particle follows how it is read, never "을(를)".
    expect(ko.text).toMatch(new RegExp(`— ${own.name}(을|를) 대신하여 오픈 레터스 드림`));
  });

  it("is set by organizer:create's Korean name, and by the seed for the demo organization", async () => {
    const suffix = randomUUID().slice(0, 8);
    const { organizationId } = await createOrganization({
      name: `Seoul Freedom Hub ${suffix}`,
      koreanName: `서울 자유 허브 ${suffix}`,
      ownerEmail: `owner-${suffix}@example.test`,
    });
    expect(await prisma.organizationTranslation.findMany({ where: { organizationId } })).toEqual([
      { organizationId, locale: "ko", name: `서울 자유 허브 ${suffix}` },
    ]);

    await seed();
    const demo = await prisma.organization.findUniqueOrThrow({
      where: { slug: demoOrganization.slug },
      include: { translations: true },
    });
    expect(demo.translations).toEqual([{ organizationId: demo.id, locale: "ko", name: "오픈 레터스 시범 연대" }]);
  });
});
