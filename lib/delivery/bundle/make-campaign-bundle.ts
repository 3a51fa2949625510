// Makes and keeps a campaign's signed delivery bundle: everything counted now, chained to the previous bundle, with
// every row that left the count since listed with its reason. The manifest is kept as the record of the count.
import { readFile, rm } from "node:fs/promises";
import { sql } from "kysely";
import { db, transaction } from "@/lib/infra/db";
import { appSecret, env } from "@/lib/infra/env";
import { regionName } from "@/lib/infra/geo/regions";
import { campaignTargets, targetText } from "@/lib/campaigns/campaign-targets";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { buildBundle } from "./build-bundle";
import { deriveSourceKey } from "./derive-source-key";
import { organizationSigningKey } from "./organization-signing-key";
import { readBundleLetters, readBundleSigners } from "./read-bundle-rows";
import { bundleLanguages, type Language, type Localized, type Manifest, type Removal } from "./types";

export type MadeBundle = { id: string; manifestSha256: string; signatures: number; letters: number; removals: number };

const localized = (rows: { locale: string }[], pick: (row: never) => string): Localized =>
  Object.fromEntries(
    rows.filter((r) => bundleLanguages.includes(r.locale as Language)).map((r) => [r.locale, pick(r as never)]),
  );

/** Why rows of the previous bundle are not in this one, from what the database says of them now. */
async function removalsSince(previous: Manifest | null, included: Set<string>): Promise<Removal[]> {
  if (!previous) return [];
  const gone = previous.rows.filter((r) => !included.has(`${r.kind}:${r.id}`));
  const ids = (kind: string) => gone.filter((r) => r.kind === kind).map((r) => r.id);
  const [signatures, letters] = await Promise.all([
    // One array parameter each: a bundle may have lost more rows than a statement may have parameters.
    ids("signature").length
      ? db
          .selectFrom("signature")
          .select(["id", "status", "email_key"])
          .where(sql<boolean>`id = ANY(${ids("signature")}::uuid[])`)
          .execute()
      : [],
    ids("letter").length
      ? db
          .selectFrom("letter")
          .select(["id", "status", "email_key"])
          .where(sql<boolean>`id = ANY(${ids("letter")}::uuid[])`)
          .execute()
      : [],
  ]);
  const now = new Map([...signatures, ...letters].map((r) => [r.id, r]));
  return gone.map(({ kind, id }) => {
    const row = now.get(id);
    const reasonCode = !row
      ? "withdrawn"
      : row.email_key === null
        ? "erased"
        : row.status === "invalidated"
          ? "struck_out"
          : row.status === "rejected" || row.status === "withdrawn" || row.status === "held"
            ? row.status
            : "removed";
    return { kind, id, reasonCode };
  });
}

/**
 * `targetId`: the bundle is addressed to that target (its name, office and language on the cover); without it, to
 * the campaign's first target.
 */
export async function makeCampaignBundle(
  campaignId: string,
  createdById: string | null = null,
  options: { targetId?: string } = {},
): Promise<MadeBundle> {
  const campaign = await db
    .selectFrom("campaign")
    .select(["campaign.id", "campaign.slug", "campaign.default_locale", "campaign.organization_id"])
    .where("campaign.id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const [texts, topics, previousRow] = await Promise.all([
    db.selectFrom("campaign_translation").selectAll().where("campaign_id", "=", campaignId).execute(),
    db
      .selectFrom("campaign_topic")
      .innerJoin("campaign_topic_translation", "campaign_topic_translation.topic_id", "campaign_topic.id")
      .select(["campaign_topic.key", "campaign_topic.position", "campaign_topic_translation.locale"])
      .select("campaign_topic_translation.title")
      .where("campaign_topic.campaign_id", "=", campaignId)
      .orderBy("campaign_topic.position")
      .execute(),
    db
      .selectFrom("delivery_bundle")
      .select(["manifest", "manifest_sha256"])
      .where("campaign_id", "=", campaignId)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const targets = await campaignTargets(campaignId);
  const target = targets.find((t) => t.id === options.targetId) ?? targets[0];
  const targetLanguage = target?.language ?? campaign.default_locale;
  const language: Language = targetLanguage === "ko" ? "ko" : "en";
  // The organization as the target reads it: its name in the bundle's language when it has one ("주최: …").
  const organization = await db
    .selectFrom("organization as o")
    .select(["o.id", organizationNameIn(language).as("name")])
    .where("o.id", "=", campaign.organization_id)
    .executeTakeFirstOrThrow();
  const targetName = localized(texts, (t: { target_name: string }) => t.target_name);
  const addressedTo = target ? targetText(target, language) : null;
  const previous = previousRow ? (JSON.parse(previousRow.manifest.toString("utf8")) as Manifest) : null;

  const letters = await readBundleLetters(campaignId);
  const removals = previous ? await removalsSince(previous, await includedNow(campaignId, letters)) : [];

  const key = await organizationSigningKey(campaign.organization_id);
  const built = await buildBundle(
    {
      organization,
      campaign: {
        id: campaign.id,
        slug: campaign.slug,
        title: localized(texts, (t: { title: string }) => t.title),
        openLetterText: localized(texts, (t: { letter: string }) => t.letter),
        targetName,
        topics: [...new Set(topics.map((t) => t.key))].map((k) => ({
          key: k,
          title: localized(
            topics.filter((t) => t.key === k),
            (t: { title: string }) => t.title,
          ),
        })),
      },
      target: {
        name: addressedTo?.name || targetName[language] || Object.values(targetName)[0] || "",
        office: addressedTo?.office ?? "",
        language,
      },
      generatedAt: new Date(),
      previousManifestHash: previousRow?.manifest_sha256 ?? null,
      signers: readBundleSigners(campaignId),
      letters,
      removals,
    },
    key.privateKeyPem,
    {
      sourceKey: deriveSourceKey(appSecret),
      regionName: (country, region, lang) => regionName(country, region, lang),
      verifyUrl: new URL(`/${language}/verify`, env.APP_URL).toString(),
      previousManifest: previousRow?.manifest,
    },
  );
  try {
    const files = await Promise.all(
      [...built.files].map(async ([name, path]) => ({ name, content: await readFile(path) })),
    );
    const id = await transaction(async (trx) => {
      const row = await trx
        .insertInto("delivery_bundle")
        .values({
          id: crypto.randomUUID(),
          campaign_id: campaignId,
          key_id: key.keyId,
          manifest: built.manifestBytes,
          manifest_sha256: built.manifestSha256,
          signature: built.signature,
          signatures: built.manifest.counts.signatures,
          letters: built.manifest.counts.letters,
          created_by_id: createdById,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const sha = new Map(built.manifest.files.map((f) => [f.name, f.sha256]));
      await trx
        .insertInto("delivery_bundle_file")
        .values(
          files.map((f) => ({ bundle_id: row.id, name: f.name, content: f.content, sha256: sha.get(f.name) ?? "" })),
        )
        .execute();
      return row.id;
    });
    const counts = built.manifest.counts;
    return {
      id,
      manifestSha256: built.manifestSha256,
      signatures: counts.signatures,
      letters: counts.letters,
      removals: counts.removals,
    };
  } finally {
    await rm(built.dir, { recursive: true, force: true });
  }
}

/** The rows a bundle of the campaign includes now, by `kind:id` (the signers' ids alone, read apart). */
async function includedNow(campaignId: string, letters: { id: string }[]): Promise<Set<string>> {
  const signers = await db
    .selectFrom("signature")
    .select("id")
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "confirmed")
    .where("confirmed_at", "is not", null)
    .execute();
  return new Set([...signers.map((s) => `signature:${s.id}`), ...letters.map((l) => `letter:${l.id}`)]);
}
