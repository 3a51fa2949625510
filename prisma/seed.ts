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
  if (existing) return { created: false };
  await db.campaign.create({
    data: {
      slug: flagshipCampaign.slug,
      organizationId: organization.id,
      status: "open",
      goal: flagshipCampaign.goal,
      targetEmail: flagshipCampaign.targetEmail,
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
  return { created: true };
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
