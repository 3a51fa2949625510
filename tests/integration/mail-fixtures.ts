// Campaigns with confirmed letters or signers written straight to the database, for the delivery, updates and
// worker-process tests: delivery starts where the composer ends, an update where the sign form ends.
import { randomUUID } from "node:crypto";
import { pool, prisma } from "@/lib/infra/db";
import { scopeFor } from "@/lib/organizers/scope";
import { createCampaign } from "./helpers";
import { createOrganizer } from "./organizer-helpers";

export type DeliveryPlan = {
  letterDelivery?: "individual" | "digest";
  throttlePerMinute?: number;
  holdUntil?: Date;
  digestIntervalMinutes?: number;
};

/** A campaign with a sender on the tests' domain and its own delivery plan (default: 100 a minute, one by one). */
export async function campaignWith(plan: DeliveryPlan = {}) {
  const campaign = await createCampaign();
  return prisma.campaign.update({
    where: { id: campaign.id },
    data: { senderEmail: "Test Coalition <letters@coalition.example.test>", throttlePerMinute: 100, ...plan },
  });
}

/** `count` confirmed letters, confirmed one second apart in order; returns their ids. */
export async function confirmedLetters(campaignId: string, count: number, overrides: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const email = `writer-${id.slice(0, 8)}@example.test`;
    await pool.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, city, region, country, subject, body, language, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'confirmed', now() + make_interval(secs => $11), $12::appearance)`,
      [
        id,
        campaignId,
        email,
        overrides.name ?? `Writer ${i + 1}`,
        "Springfield",
        "IL",
        "US",
        overrides.subject ?? `Please act (${i + 1})`,
        overrides.body ?? `Dear Mr. President,\n\nLetter number ${i + 1}.\n\nSincerely`,
        overrides.language ?? "en",
        i,
        overrides.appearance ?? "full",
      ],
    );
    ids.push(id);
  }
  return ids;
}

export const letterStatuses = async (campaignId: string) =>
  (await prisma.letter.findMany({ where: { campaignId }, select: { status: true } })).map((l) => l.status);

export type Person = { email: string; locale?: string; wants?: boolean; status?: "pending" | "confirmed" };

/** A campaign with these signers, and the scope of an editor of its organization (who may send it updates). */
export async function campaignWithSigners(people: Person[], goal = 1000) {
  const campaign = await createCampaign({ goal });
  for (const p of people)
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, wants_updates, confirmed_at)
       VALUES ($1, $2, $3, lower($3), 'Test Signer', 'US', $4, $5, $6, now())`,
      [randomUUID(), campaign.id, p.email, p.locale ?? "en", p.status ?? "confirmed", p.wants ?? true],
    );
  const organizer = await createOrganizer(campaign.organizationId, "editor");
  const scope = scopeFor({
    ...organizer,
    name: "Test Organizer",
    organizationId: campaign.organizationId,
    organizationName: "Org",
    role: "editor",
  });
  return { campaign, scope };
}

/** An update in both languages, numbered so each test's can be told apart. */
export const updateText = (n: number) => ({
  subjectEn: `News ${n}`,
  bodyEn: `First paragraph ${n}.\n\nSecond paragraph.`,
  subjectKo: `소식 ${n}`,
  bodyKo: `첫 문단 ${n}.\n\n둘째 문단.`,
});
