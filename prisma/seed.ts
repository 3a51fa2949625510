// `npm run db:seed`: the demo organization and the flagship campaign, created once. Running it again changes
// nothing, so organizers' later edits are never overwritten.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { db, closeDb, transaction, type Transaction } from "../lib/infra/db";
import { now } from "../lib/infra/clock";
import { ensureDemoOrganizer, type DemoOrganizer } from "../lib/organizers/team/ensure-demo-organizer";
import { demoOrganization, flagshipCampaign } from "./seed-data/flagship";

const locales = ["en", "ko"] as const;

export async function seed(): Promise<{ created: boolean; organizer: DemoOrganizer }> {
  await db
    .insertInto("organization")
    .values({ id: randomUUID(), slug: demoOrganization.slug, name: demoOrganization.name })
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  const organization = await db
    .selectFrom("organization")
    .select("id")
    .where("slug", "=", demoOrganization.slug)
    .executeTakeFirstOrThrow();
  // Its name in other languages, added when missing (an organizer's own wording is kept).
  for (const [locale, name] of Object.entries(demoOrganization.translatedNames))
    await db
      .insertInto("organization_translation")
      .values({ organization_id: organization.id, locale, name })
      .onConflict((oc) => oc.columns(["organization_id", "locale"]).doNothing())
      .execute();
  // Development only: a demo owner of the demo organization, created once.
  const organizer = await ensureDemoOrganizer(organization.id);
  const existing = await db
    .selectFrom("campaign")
    .select("id")
    .where("slug", "=", flagshipCampaign.slug)
    .executeTakeFirst();
  if (existing) {
    await transaction(async (trx) => {
      await seedTopics(trx, existing.id);
      // A campaign seeded before deadlines existed gets the summit's.
      await trx
        .updateTable("campaign")
        .set({ deadline: flagshipCampaign.deadline })
        .where("id", "=", existing.id)
        .where("deadline", "is", null)
        .execute();
    });
    return { created: false, organizer };
  }
  await transaction(async (trx) => {
    const campaignId = randomUUID();
    await trx
      .insertInto("campaign")
      .values({
        id: campaignId,
        slug: flagshipCampaign.slug,
        organization_id: organization.id,
        status: "open",
        goal: flagshipCampaign.goal,
        deadline: flagshipCampaign.deadline,
        target_email: flagshipCampaign.targetEmail,
        sender_email: `${demoOrganization.name} <letters@open-letters.example>`,
        // Letters one by one, throttled; signatures in a daily digest with a CSV of the new signers.
        letter_delivery: "individual",
        // Some signers and writers have family in North Korea: the forms pre-select "initials and country".
        risk: "at_risk",
        digest_interval_minutes: 1440,
        throttle_per_minute: 30,
        default_locale: "en",
        updated_at: now(),
      })
      .execute();
    await trx
      .insertInto("campaign_translation")
      .values(
        locales.map((locale) => ({
          campaign_id: campaignId,
          locale,
          target_name: flagshipCampaign.targetName[locale],
          ...flagshipCampaign.texts[locale],
        })),
      )
      .execute();
    await seedTopics(trx, campaignId);
  });
  return { created: true, organizer };
}

/** The letter composer's topics; added to a campaign seeded before topics existed. */
async function seedTopics(trx: Transaction, campaignId: string): Promise<void> {
  const topic = await trx
    .selectFrom("campaign_topic")
    .select("id")
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  if (topic) return;
  for (const [position, { key, texts }] of flagshipCampaign.topics.entries()) {
    const topicId = randomUUID();
    await trx.insertInto("campaign_topic").values({ id: topicId, campaign_id: campaignId, key, position }).execute();
    await trx
      .insertInto("campaign_topic_translation")
      .values(locales.map((locale) => ({ topic_id: topicId, locale, ...texts[locale] })))
      .execute();
  }
}

/** What the console shows, in development only, when the demo organizer is created. */
export function demoOrganizerLine(organizer: { email: string; password: string }): string {
  const credentials = `${organizer.email} / ${organizer.password}`;
  return `Demo organizer (development only): sign in at /en/admin/sign-in with ${credentials}`;
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
