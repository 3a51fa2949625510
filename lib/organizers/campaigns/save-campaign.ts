// Creates or edits a campaign with its texts and topics in both languages, in one transaction. Topics are matched
// by key: existing ones are updated (letters keep their topics), missing ones removed, new ones added.
import "server-only";
import { randomUUID } from "node:crypto";
import { transaction, type Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { rerouteDeliveries } from "@/lib/campaigns/reroute-deliveries";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "../current-organizer";
import { campaignLocales, type CampaignData } from "./campaign-schema";
import { revalidateCampaign } from "./revalidate-campaign";
import type { Scope } from "../scope";

function columns(c: CampaignData) {
  return {
    slug: c.slug,
    goal: c.goal,
    target_email: c.targetEmail,
    sender_email: c.senderEmail ?? null,
    default_locale: c.defaultLocale,
    letter_delivery: c.letterDelivery,
    risk: c.risk,
    digest_interval_minutes: c.digestIntervalMinutes,
    throttle_per_minute: c.throttlePerMinute,
    letter_hold_hours: c.letterHoldHours ?? null,
    hold_until: c.holdUntil ?? null,
    opens_at: c.opensAt ?? null,
    closes_at: c.closesAt ?? null,
    updated_at: now(),
  };
}

export async function createCampaign(scope: Scope, data: CampaignData): Promise<{ id: string; slug: string }> {
  requireRole(scope.organizer, "editor");
  try {
    return await transaction(async (trx) => {
      const campaign = await trx
        .insertInto("campaign")
        .values({ ...columns(data), id: randomUUID(), organization_id: scope.organizationId, status: "draft" })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      await writeTexts(trx, campaign.id, data);
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
    const saved = await transaction(async (trx) => {
      const campaign = await trx
        .updateTable("campaign")
        .set(columns(data))
        .where("id", "=", existing.id)
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      await writeTexts(trx, campaign.id, data);
      // A new target address: what has not reached the old one goes to the new one.
      await rerouteDeliveries(trx, campaign.id);
      return campaign;
    });
    revalidateCampaign(existing.slug);
    if (saved.slug !== existing.slug) revalidateCampaign(saved.slug);
    return saved;
  } catch (err) {
    throw slugTaken(err);
  }
}

async function writeTexts(trx: Transaction, campaignId: string, data: CampaignData) {
  await trx
    .insertInto("campaign_translation")
    .values(
      campaignLocales.map((locale) => {
        const { targetName, ...t } = data.texts[locale];
        return { campaign_id: campaignId, locale, target_name: targetName, ...t };
      }),
    )
    .onConflict((oc) =>
      oc.columns(["campaign_id", "locale"]).doUpdateSet((eb) => ({
        title: eb.ref("excluded.title"),
        summary: eb.ref("excluded.summary"),
        target_name: eb.ref("excluded.target_name"),
        context: eb.ref("excluded.context"),
        letter: eb.ref("excluded.letter"),
        sources: eb.ref("excluded.sources"),
      })),
    )
    .execute();
  const keys = data.topics.map((t) => t.key);
  await trx
    .deleteFrom("campaign_topic")
    .where("campaign_id", "=", campaignId)
    .$if(keys.length > 0, (q) => q.where("key", "not in", keys))
    .execute();
  for (const [position, topic] of data.topics.entries()) {
    const row = await trx
      .insertInto("campaign_topic")
      .values({ id: randomUUID(), campaign_id: campaignId, key: topic.key, position })
      .onConflict((oc) => oc.columns(["campaign_id", "key"]).doUpdateSet({ position }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("campaign_topic_translation")
      .values(campaignLocales.map((locale) => ({ topic_id: row.id, locale, ...topic.texts[locale] })))
      .onConflict((oc) =>
        oc.columns(["topic_id", "locale"]).doUpdateSet((eb) => ({
          title: eb.ref("excluded.title"),
          fact: eb.ref("excluded.fact"),
          ask: eb.ref("excluded.ask"),
          source: eb.ref("excluded.source"),
          paragraph: eb.ref("excluded.paragraph"),
        })),
      )
      .execute();
  }
}

/** Another campaign has the slug already (the unique index on campaign.slug): said on the slug field. */
function slugTaken(err: unknown): unknown {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  if (e?.code === "23505" && e.constraint === "campaign_slug_key") {
    return new AppError("validation_failed", undefined, { slug: { code: "slug_taken", message: "slug_taken" } });
  }
  return err;
}
