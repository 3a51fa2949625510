// `npm run db:seed`: the demo organization and the flagship campaign, created once. Running it again changes
// nothing, so organizers' later edits are never overwritten.
import { fileURLToPath } from "node:url";
import { prisma, closeDb } from "../lib/infra/db";
import { ensureDemoOrganizer, type DemoOrganizer } from "../lib/organizers/team/ensure-demo-organizer";
import { demoOrganization, flagshipCampaign } from "./seed-data/flagship";

export async function seed(): Promise<{ created: boolean; organizer: DemoOrganizer }> {
  const organization = await prisma.organization.upsert({
    where: { slug: demoOrganization.slug },
    update: {},
    create: { slug: demoOrganization.slug, name: demoOrganization.name },
  });
  // Development only: a demo owner of the demo organization, created once.
  const organizer = await ensureDemoOrganizer(organization.id);
  const existing = await prisma.campaign.findUnique({ where: { slug: flagshipCampaign.slug }, select: { id: true } });
  if (existing) {
    await seedTopics(existing.id);
    return { created: false, organizer };
  }
  const campaign = await prisma.campaign.create({
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
  return { created: true, organizer };
}

/** The letter composer's topics; added to a campaign seeded before topics existed. */
async function seedTopics(campaignId: string): Promise<void> {
  if ((await prisma.campaignTopic.count({ where: { campaignId } })) > 0) return;
  for (const [position, topic] of flagshipCampaign.topics.entries()) {
    await prisma.campaignTopic.create({
      data: {
        campaignId,
        key: topic.key,
        position,
        translations: { create: (["en", "ko"] as const).map((locale) => ({ locale, ...topic.texts[locale] })) },
      },
    });
  }
}

/** What the console shows, in development only, when the demo organizer is created. */
export function demoOrganizerLine(organizer: { email: string; password: string }): string {
  return `Demo organizer (development only): sign in at /en/admin/sign-in with ${organizer.email} / ${organizer.password}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  seed()
    .then(({ created, organizer }) => {
      console.log(created ? "Seeded the flagship campaign." : "Seed data already present: nothing to do.");
      if (organizer) console.log(demoOrganizerLine(organizer));
    })
    .catch((err) => {
      console.error(`Seeding failed: ${err instanceof Error ? err.message : err}`);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
