// Writes a campaign's targets as the campaign form sends them, within the campaign's save: targets are matched by id
// (an id of another campaign's target is treated as new), missing ones removed (what they were handed goes with
// them; messages already queued still go out), new ones added, in the order given. A save without targets (an older
// API caller) keeps the list and only brings the first target in line with the single-target fields.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/lib/infra/db";
import { ensureCampaignTarget } from "@/lib/campaigns/campaign-targets";
import { campaignLocales, type CampaignData } from "./campaign-schema";

export async function saveCampaignTargets(trx: Transaction, campaignId: string, data: CampaignData): Promise<void> {
  const targets = data.targets ?? [];
  if (targets.length === 0) return keepFirstTargetInLine(trx, campaignId, data);
  const existing = new Set(
    (await trx.selectFrom("campaign_target").select("id").where("campaign_id", "=", campaignId).execute()).map(
      (t) => t.id,
    ),
  );
  const ids = targets.map((t) => (t.id && existing.has(t.id) ? t.id : randomUUID()));
  const kept = ids.filter((id) => existing.has(id));
  await trx
    .deleteFrom("campaign_target")
    .where("campaign_id", "=", campaignId)
    .$if(kept.length > 0, (q) => q.where("id", "not in", kept))
    .execute();
  for (const [position, target] of targets.entries()) {
    const id = ids[position]!;
    const row = {
      position,
      email: target.email,
      language: target.language,
      plan: target.plan,
      interval_minutes: target.intervalMinutes,
    };
    if (existing.has(id)) await trx.updateTable("campaign_target").set(row).where("id", "=", id).execute();
    else
      await trx
        .insertInto("campaign_target")
        .values({ ...row, id, campaign_id: campaignId })
        .execute();
    await trx
      .insertInto("campaign_target_translation")
      .values(campaignLocales.map((locale) => ({ target_id: id, locale, ...target.texts[locale] })))
      .onConflict((oc) =>
        oc.columns(["target_id", "locale"]).doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          office: eb.ref("excluded.office"),
        })),
      )
      .execute();
  }
}

async function keepFirstTargetInLine(trx: Transaction, campaignId: string, data: CampaignData): Promise<void> {
  const first = await trx
    .selectFrom("campaign_target")
    .select(["id", "plan"])
    .where("campaign_id", "=", campaignId)
    .orderBy("position")
    .orderBy("created_at")
    .executeTakeFirst();
  // None stored yet: made from the campaign's columns, just written.
  if (!first) return ensureCampaignTarget(campaignId, trx);
  await trx
    .updateTable("campaign_target")
    .set({
      email: data.targetEmail ?? "",
      interval_minutes: data.digestIntervalMinutes,
      // The single-target fields cannot say "bundles only": such a target keeps its plan.
      plan: first.plan === "bundle_only" ? "bundle_only" : data.letterDelivery === "digest" ? "digest" : "one_by_one",
    })
    .where("id", "=", first.id)
    .execute();
  for (const locale of campaignLocales) {
    const name = data.texts[locale].targetName ?? "";
    await trx
      .insertInto("campaign_target_translation")
      .values({ target_id: first.id, locale, name })
      .onConflict((oc) => oc.columns(["target_id", "locale"]).doUpdateSet({ name }))
      .execute();
  }
}
