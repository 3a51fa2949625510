// What a campaign's bundle holds, read from the database: its confirmed signatures and its confirmed, queued or
// delivered letters. The same reader builds a bundle and re-reads it later, so a changed row hashes differently.
import { db } from "@/lib/infra/db";
import { measurePersonalisation } from "@/lib/letters/personalisation";
import type { LetterRow, SignerRow } from "./types";

const batch = 5000;

/** The campaign's counted signatures, oldest first, read in batches so a large campaign never sits in memory. */
export async function* readBundleSigners(campaignId: string): AsyncIterable<SignerRow> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom("signature")
      .select(["id", "status", "appearance", "name", "region", "country", "confirmed_at", "email_key"])
      .where("campaign_id", "=", campaignId)
      .where("status", "=", "confirmed")
      .where("confirmed_at", "is not", null)
      .orderBy("confirmed_at")
      .orderBy("id")
      .limit(batch);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) =>
        eb.or([eb("confirmed_at", ">", at), eb.and([eb("confirmed_at", "=", at), eb("id", ">", id)])]),
      );
    }
    const rows = await query.execute();
    for (const r of rows) {
      yield {
        id: r.id,
        status: r.status,
        appearance: r.appearance,
        name: r.name,
        region: r.region,
        country: r.country,
        confirmedAt: r.confirmed_at!,
        emailKey: r.email_key,
      };
    }
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.confirmed_at!, id: last.id };
  }
}

/** The campaign's letters on their way to the target or delivered, with their topics and how personal they are. */
export async function readBundleLetters(campaignId: string): Promise<LetterRow[]> {
  const [letters, topics, paragraphs] = await Promise.all([
    db
      .selectFrom("letter")
      .select(["id", "status", "language", "subject", "body", "appearance", "name", "city", "region", "country"])
      .select(["confirmed_at", "email_key"])
      .where("campaign_id", "=", campaignId)
      .where("status", "in", ["confirmed", "queued", "delivered"])
      .orderBy("confirmed_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("letter_topic")
      .innerJoin("campaign_topic", "campaign_topic.id", "letter_topic.topic_id")
      .select(["letter_topic.letter_id", "campaign_topic.key"])
      .where("campaign_topic.campaign_id", "=", campaignId)
      .execute(),
    db
      .selectFrom("campaign_topic_translation")
      .innerJoin("campaign_topic", "campaign_topic.id", "campaign_topic_translation.topic_id")
      .select("campaign_topic_translation.paragraph")
      .where("campaign_topic.campaign_id", "=", campaignId)
      .execute(),
  ]);
  const templates = paragraphs.map((p) => p.paragraph);
  const topicsOf = new Map<string, string[]>();
  for (const t of topics) topicsOf.set(t.letter_id, [...(topicsOf.get(t.letter_id) ?? []), t.key]);
  return letters.map((l) => ({
    id: l.id,
    status: l.status,
    language: l.language,
    subject: l.subject,
    body: l.body,
    writer: { appearance: l.appearance, name: l.name, city: l.city, region: l.region, country: l.country },
    topics: (topicsOf.get(l.id) ?? []).sort(),
    personalised: measurePersonalisation(l.body, templates).level !== "low",
    confirmedAt: l.confirmed_at!,
    emailKey: l.email_key,
  }));
}
