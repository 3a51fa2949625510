// Creates or edits a campaign with its texts, topics and targets in both languages, in one transaction. Topics are
// matched by key: existing ones are updated (letters keep their topics), missing ones removed, new ones added.
// Targets likewise by id (./save-campaign-targets.ts); the campaign's single-target columns follow the first.
// A slug change keeps the old address as a redirect (campaign_slug_redirect, lib/campaigns/slug-redirect.ts); a slug
// that redirects to one campaign is never taken by another. Once a campaign is public its slug changes only when the
// organizer confirms it, and the change is in the audit log.
import { sql } from "kysely";
import "server-only";
import { randomUUID } from "node:crypto";
import { transaction, type Transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { rerouteDeliveries } from "@/lib/campaigns/reroute-deliveries";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import { campaignLocales, type CampaignData } from "./campaign-schema";
import { revalidateCampaign } from "./revalidate-campaign";
import { saveCampaignTargets } from "./save-campaign-targets";
import type { Scope } from "../scope";

function columns(c: CampaignData) {
  const first = c.targets?.[0];
  return {
    slug: c.slug,
    goal: c.goal,
    // The schema asks for targetEmail whenever no targets are given.
    target_email: first?.email ?? c.targetEmail ?? "",
    sender_email: c.senderEmail ?? null,
    default_locale: c.defaultLocale,
    letter_delivery: first
      ? first.plan === "digest"
        ? ("digest" as const)
        : ("individual" as const)
      : c.letterDelivery,
    risk: c.risk,
    digest_interval_minutes: first?.intervalMinutes ?? c.digestIntervalMinutes,
    throttle_per_minute: c.throttlePerMinute,
    letter_hold_hours: c.letterHoldHours ?? null,
    hold_until: c.holdUntil ?? null,
    opens_at: c.opensAt ?? null,
    closes_at: c.closesAt ?? null,
    updated_at: now(),
  };
}

export async function createCampaign(
  scope: Scope,
  data: CampaignData,
  /** Runs in the same transaction once the campaign exists (a duplicate records itself in the audit log). */
  onCreated?: (trx: Transaction, campaign: { id: string; slug: string }) => Promise<void>,
): Promise<{ id: string; slug: string }> {
  requireRole(scope.organizer, "editor");
  try {
    return await transaction(async (trx) => {
      await claimSlug(trx, data.slug, null);
      const campaign = await trx
        .insertInto("campaign")
        .values({ ...columns(data), id: randomUUID(), organization_id: scope.organizationId, status: "draft" })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      await writeTexts(trx, campaign.id, data);
      await saveCampaignTargets(trx, campaign.id, data);
      await onCreated?.(trx, campaign);
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
  const moving = data.slug !== existing.slug;
  if (moving && existing.status !== "draft" && data.confirmSlugChange !== true) {
    throw new AppError("validation_failed", undefined, {
      slug: { code: "confirm_slug_change", message: "confirm_slug_change" },
    });
  }
  try {
    const saved = await transaction(async (trx) => {
      if (moving) {
        await claimSlug(trx, data.slug, existing.id);
        await lockSlug(trx, existing.slug);
        // Changing back to an earlier slug takes it out of the redirects; the one left behind becomes one.
        await trx.deleteFrom("campaign_slug_redirect").where("slug", "=", data.slug).execute();
        await trx
          .insertInto("campaign_slug_redirect")
          .values({ slug: existing.slug, campaign_id: existing.id, created_at: now() })
          .onConflict((oc) => oc.column("slug").doUpdateSet({ campaign_id: existing.id, created_at: now() }))
          .execute();
        await recordAudit(
          trx,
          scope,
          "campaign.slug_changed",
          { id: existing.id, label: data.slug },
          { campaignId: existing.id, from: existing.slug, to: data.slug },
        );
      }
      const campaign = await trx
        .updateTable("campaign")
        .set(columns(data))
        .where("id", "=", existing.id)
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      await writeTexts(trx, campaign.id, data);
      await saveCampaignTargets(trx, campaign.id, data);
      // A target's new address: what has not reached the old one goes to the new one.
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

/** Serialises every claim of one slug, so a rename and a redirect cannot take it at the same moment. */
async function lockSlug(trx: Transaction, slug: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`open-letters.slug:${slug}`}, 0))`.execute(trx);
}

/** Refuses a slug that is an earlier address of another campaign (it still redirects there). */
async function claimSlug(trx: Transaction, slug: string, campaignId: string | null): Promise<void> {
  await lockSlug(trx, slug);
  const redirect = await trx
    .selectFrom("campaign_slug_redirect")
    .select("campaign_id")
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (redirect && redirect.campaign_id !== campaignId) {
    throw new AppError("validation_failed", undefined, { slug: { code: "slug_taken", message: "slug_taken" } });
  }
}

async function writeTexts(trx: Transaction, campaignId: string, data: CampaignData) {
  await trx
    .insertInto("campaign_translation")
    .values(
      campaignLocales.map((locale) => {
        const { targetName, ...t } = data.texts[locale];
        const target_name = data.targets?.[0]?.texts[locale].name ?? targetName ?? "";
        return { campaign_id: campaignId, locale, target_name, ...t };
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
