// The one way to read whom a campaign addresses: its targets in order, each with its name and office per language,
// address, language, plan and schedule. A campaign written only with the older single-target columns (by a tool that
// writes the campaign row alone) reads as one target made from those columns; the delivery scheduler stores it
// (ensureCampaignTarget, under the campaign's lock) the same way the campaign_targets migration carried existing
// campaigns over.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db, type Database, type Transaction } from "@/lib/infra/db";
import type { TargetPlan } from "@/lib/generated/kysely/enums";
import { pickTranslation } from "./pick-translation";

export type { TargetPlan };

export type CampaignTarget = {
  id: string;
  campaignId: string;
  position: number;
  email: string;
  /** The language of everything the target receives. */
  language: string;
  plan: TargetPlan;
  intervalMinutes: number;
  lastScheduledAt: Date | null;
  /** False for a target read from the campaign's single-target columns and not stored yet. */
  stored: boolean;
  /** Name and office by locale. */
  texts: { locale: string; name: string; office: string }[];
};

type Executor = Database | Transaction;

/** Adds the campaign's first target from its single-target columns when it has none yet; idempotent. */
export async function ensureCampaignTarget(campaignId: string, executor: Executor = db): Promise<void> {
  const id = randomUUID();
  const { rows } = await sql<{ id: string }>`
INSERT INTO campaign_target (id, campaign_id, position, email, language, plan, interval_minutes, last_scheduled_at)
SELECT ${id}::uuid, c.id, 0, c.target_email, c.default_locale,
       CASE c.letter_delivery WHEN 'digest' THEN 'digest'::target_plan ELSE 'one_by_one'::target_plan END,
       c.digest_interval_minutes, c.last_digest_at
  FROM campaign c
 WHERE c.id = ${campaignId} AND NOT EXISTS (SELECT 1 FROM campaign_target t WHERE t.campaign_id = c.id)
RETURNING id`.execute(executor);
  if (rows.length === 0) return;
  await sql`
INSERT INTO campaign_target_translation (target_id, locale, name)
SELECT ${id}::uuid, locale, target_name FROM campaign_translation WHERE campaign_id = ${campaignId}`.execute(executor);
  // What the campaign already handed to its single target stays handed to it.
  await sql`
INSERT INTO target_signature (target_id, signature_id, message_id)
SELECT ${id}::uuid, s.id, s.delivery_message_id FROM signature s
 WHERE s.campaign_id = ${campaignId} AND s.delivery_message_id IS NOT NULL`.execute(executor);
  await sql`
INSERT INTO target_letter (target_id, letter_id, message_id)
SELECT ${id}::uuid, l.id, l.delivery_message_id FROM letter l
 WHERE l.campaign_id = ${campaignId} AND (l.delivery_message_id IS NOT NULL OR l.status IN ('queued', 'delivered'))`.execute(
    executor,
  );
  await sql`
UPDATE outbox_message SET target_id = ${id}::uuid
 WHERE campaign_id = ${campaignId} AND kind LIKE 'delivery.%' AND target_id IS NULL`.execute(executor);
}

export async function campaignTargets(campaignId: string, executor: Executor = db): Promise<CampaignTarget[]> {
  const targets = await executor
    .selectFrom("campaign_target")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
  if (targets.length === 0) return legacyTarget(campaignId, executor);
  const texts = await executor
    .selectFrom("campaign_target_translation")
    .select(["target_id", "locale", "name", "office"])
    .where(
      "target_id",
      "in",
      targets.map((t) => t.id),
    )
    .execute();
  return targets.map((t) => ({
    id: t.id,
    campaignId: t.campaign_id,
    position: t.position,
    email: t.email,
    language: t.language,
    plan: t.plan,
    intervalMinutes: t.interval_minutes,
    lastScheduledAt: t.last_scheduled_at,
    stored: true,
    texts: texts.filter((x) => x.target_id === t.id).map(({ locale, name, office }) => ({ locale, name, office })),
  }));
}

/** One target's name and office in `locale`, else in the target's own language, else the first it has. */
export function targetText(target: Pick<CampaignTarget, "texts" | "language">, locale: string) {
  return pickTranslation(target.texts, locale, target.language) ?? { locale, name: "", office: "" };
}

async function legacyTarget(campaignId: string, executor: Executor): Promise<CampaignTarget[]> {
  const campaign = await executor
    .selectFrom("campaign")
    .select(["target_email", "default_locale", "letter_delivery", "digest_interval_minutes", "last_digest_at"])
    .where("id", "=", campaignId)
    .executeTakeFirst();
  if (!campaign) return [];
  const texts = await executor
    .selectFrom("campaign_translation")
    .select(["locale", "target_name as name"])
    .where("campaign_id", "=", campaignId)
    .execute();
  return [
    {
      id: campaignId,
      campaignId,
      position: 0,
      email: campaign.target_email,
      language: campaign.default_locale,
      plan: campaign.letter_delivery === "digest" ? "digest" : "one_by_one",
      intervalMinutes: campaign.digest_interval_minutes,
      lastScheduledAt: campaign.last_digest_at,
      stored: false,
      texts: texts.map((t) => ({ ...t, office: "" })),
    },
  ];
}
