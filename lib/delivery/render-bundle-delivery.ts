// Renders the email that hands a signed bundle to a target whose plan is bundles only: a short text in the target's
// language with the counts and how individual the letters are (from the manifest), and the bundle's files with its
// manifest and signature attached, exactly as stored, so the target can verify them.
import { db } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { wordEnding } from "@/lib/infra/i18n/korean-particle";
import { renderBodies } from "@/lib/infra/mail/layout";
import type { MailContent, OutboxRow } from "@/lib/infra/outbox/outbox";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import { bundleFileNames, type Manifest } from "./bundle/types";

const contentTypes: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  sig: "text/plain; charset=utf-8",
};
const typeOf = (name: string) => contentTypes[name.split(".").pop() ?? ""] ?? "application/octet-stream";

export async function renderBundleDelivery(message: OutboxRow): Promise<MailContent | null> {
  const bundleId = (message.payload as { bundleId?: string }).bundleId;
  if (!bundleId || !message.campaign_id) return null;
  const locale: Locale = isLocale(message.locale) ? message.locale : "en";
  const bundle = await db
    .selectFrom("delivery_bundle as b")
    .innerJoin("campaign as c", "c.id", "b.campaign_id")
    .innerJoin("organization as o", "o.id", "c.organization_id")
    .select(["b.manifest", "b.signature", "c.sender_email", "c.default_locale"])
    .select(organizationNameIn(locale).as("organizationName"))
    .where("b.id", "=", bundleId)
    .where("b.campaign_id", "=", message.campaign_id)
    .executeTakeFirst();
  // Erased with the campaign's personal data: nothing left to hand over.
  if (!bundle) return null;
  const files = await db
    .selectFrom("delivery_bundle_file")
    .select(["name", "content"])
    .where("bundle_id", "=", bundleId)
    .orderBy("name")
    .execute();
  if (files.length === 0) return null;
  const titles = await db
    .selectFrom("campaign_translation")
    .select(["locale", "title"])
    .where("campaign_id", "=", message.campaign_id)
    .execute();
  const title = pickTranslation(titles, locale, bundle.default_locale)?.title ?? "";
  const manifest = JSON.parse(bundle.manifest.toString("utf8")) as Manifest;
  const c = manifest.counts;
  const t = translator(locale, "delivery");
  const counts = { signatures: c.signatures, letters: c.letters };
  return {
    from: campaignSender(bundle.sender_email),
    subject: t("bundleSubject", { campaign: title, ...counts }),
    ...renderBodies(locale, [
      {
        text: t("bundleIntro", {
          campaign: title,
          organization: bundle.organizationName,
          organizationEnding: wordEnding(bundle.organizationName),
        }),
      },
      { text: t("bundleCounts", { ...counts, ownWords: c.personalisedLetters, nearCopies: c.nearCopyLetters }) },
      { note: t("bundleVerify", { url: new URL(`/${locale}/verify`, env.APP_URL).toString() }) },
    ]),
    attachments: [
      ...files.map((f) => ({ filename: f.name, content: f.content, contentType: typeOf(f.name) })),
      { filename: bundleFileNames.manifest, content: bundle.manifest, contentType: typeOf(bundleFileNames.manifest) },
      {
        filename: bundleFileNames.signature,
        content: bundle.signature,
        contentType: typeOf(bundleFileNames.signature),
      },
    ],
  };
}
