// Creates or edits a campaign with its texts and topics in both languages, in one transaction. Topics are matched
// by key: existing ones are updated (letters keep their topics), missing ones removed, new ones added.
import "server-only";
import { prisma } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireRole } from "../current-organizer";
import { campaignLocales, type CampaignData } from "./campaign-schema";
import { revalidateCampaign } from "./revalidate-campaign";
import type { Scope } from "../scope";

function columns(c: CampaignData) {
  return {
    slug: c.slug,
    goal: c.goal,
    targetEmail: c.targetEmail,
    senderEmail: c.senderEmail ?? null,
    defaultLocale: c.defaultLocale,
    letterDelivery: c.letterDelivery,
    digestIntervalMinutes: c.digestIntervalMinutes,
    throttlePerMinute: c.throttlePerMinute,
    holdUntil: c.holdUntil ?? null,
    opensAt: c.opensAt ?? null,
    closesAt: c.closesAt ?? null,
  };
}

export async function createCampaign(scope: Scope, data: CampaignData): Promise<{ id: string; slug: string }> {
  requireRole(scope.organizer, "editor");
  try {
    return await prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({
        data: { ...columns(data), organizationId: scope.organizationId, status: "draft" },
        select: { id: true, slug: true },
      });
      await writeTexts(tx, campaign.id, data);
      return campaign;
    });
  } catch (err) {
    throw slugTaken(err);
  }
}

export async function updateCampaign(
  scope: Scope,
  id: string,
  data: CampaignData,
): Promise<{ id: string; slug: string }> {
  const existing = await scope.campaign(id);
  requireRole(scope.organizer, "editor");
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.update({
        where: { id: existing.id },
        data: columns(data),
        select: { id: true, slug: true },
      });
      await writeTexts(tx, campaign.id, data);
      return campaign;
    });
    revalidateCampaign(existing.slug);
    if (saved.slug !== existing.slug) revalidateCampaign(saved.slug);
    return saved;
  } catch (err) {
    throw slugTaken(err);
  }
}

async function writeTexts(tx: Prisma.TransactionClient, campaignId: string, data: CampaignData) {
  for (const locale of campaignLocales) {
    const t = data.texts[locale];
    await tx.campaignTranslation.upsert({
      where: { campaignId_locale: { campaignId, locale } },
      create: { campaignId, locale, ...t },
      update: t,
    });
  }
  await tx.campaignTopic.deleteMany({ where: { campaignId, key: { notIn: data.topics.map((t) => t.key) } } });
  for (const [position, topic] of data.topics.entries()) {
    const row = await tx.campaignTopic.upsert({
      where: { campaignId_key: { campaignId, key: topic.key } },
      create: { campaignId, key: topic.key, position },
      update: { position },
      select: { id: true },
    });
    for (const locale of campaignLocales) {
      await tx.campaignTopicTranslation.upsert({
        where: { topicId_locale: { topicId: row.id, locale } },
        create: { topicId: row.id, locale, ...topic.texts[locale] },
        update: topic.texts[locale],
      });
    }
  }
}

function slugTaken(err: unknown): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return new AppError("validation_failed", undefined, { slug: { code: "slug_taken", message: "slug_taken" } });
  }
  return err;
}
