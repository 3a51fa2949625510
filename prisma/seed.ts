// `npm run db:seed`: the demo organization and the flagship campaign, created once. Running it again changes
// nothing, so organizers' later edits are never overwritten.
import { fileURLToPath } from "node:url";
import { db, closeDb } from "../lib/db";
import { demoOrganization, flagshipCampaign } from "./seed-data/flagship";

export async function seed(): Promise<{ created: boolean }> {
  const organization = await db.organization.upsert({
    where: { slug: demoOrganization.slug },
    update: {},
    create: { slug: demoOrganization.slug, name: demoOrganization.name },
  });
  const existing = await db.campaign.findUnique({ where: { slug: flagshipCampaign.slug }, select: { id: true } });
  if (existing) {
    await seedTopics(existing.id);
    return { created: false };
  }
  const campaign = await db.campaign.create({
    data: {
      slug: flagshipCampaign.slug,
      organizationId: organization.id,
      status: "open",
      goal: flagshipCampaign.goal,
      targetEmail: flagshipCampaign.targetEmail,
      senderEmail: `${demoOrganization.name} <letters@open-letters.example>`,
      // Letters one by one, throttled; signatures in a daily digest with a CSV of the new signers.
      letterDelivery: "individual",
      digestIntervalMinutes: 1440,
      throttlePerMinute: 30,
      defaultLocale: "en",
      translations: {
        create: (["en", "ko"] as const).map((locale) => ({
          locale,
          targetName: flagshipCampaign.targetName[locale],
          ...flagshipCampaign.texts[locale],
        })),
      },
    },
  });
  await seedTopics(campaign.id);
  return { created: true };
}

/** The letter composer's topics; added to a campaign seeded before topics existed. */
async function seedTopics(campaignId: string): Promise<void> {
  if ((await db.campaignTopic.count({ where: { campaignId } })) > 0) return;
  for (const [position, topic] of flagshipCampaign.topics.entries()) {
    await db.campaignTopic.create({
      data: {
        campaignId,
        key: topic.key,
        position,
        translations: { create: (["en", "ko"] as const).map((locale) => ({ locale, ...topic.texts[locale] })) },
      },
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  seed()
    .then(({ created }) => console.log(created ? "Seeded the flagship campaign." : "Seed data already present: nothing to do."))
    .catch((err) => {
      console.error(`Seeding failed: ${err instanceof Error ? err.message : err}`);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
