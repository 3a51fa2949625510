// How individual the letters handed to one target are, by the bundle's own measure (bundle/classify-letters.ts):
// written largely in the writers' own words, or near copies. A digest states it, so the target's staff can weigh
// the letters the way the bundle's cover does.
import { db } from "@/lib/infra/db";
import { measurePersonalisation } from "@/lib/letters/personalisation";
import { classifyLetters } from "./bundle/classify-letters";

export type LetterIndividuality = { letters: number; ownWords: number; nearCopies: number };

/**
 * Over the letters handed to the target so far that still stand (not withdrawn, rejected or erased since), together
 * with `carried`: the letters of the digest being written, which a preview shows before they are handed (a target
 * not stored yet, `targetId` null, has only those).
 */
export async function targetLetterIndividuality(
  campaignId: string,
  targetId: string | null,
  carried: { id: string; body: string }[] = [],
): Promise<LetterIndividuality> {
  const handed = targetId
    ? await db
        .selectFrom("target_letter as x")
        .innerJoin("letter as l", "l.id", "x.letter_id")
        .select(["l.id", "l.body"])
        .where("x.target_id", "=", targetId)
        .where("l.status", "in", ["queued", "delivered"])
        .execute()
    : [];
  const known = new Set(handed.map((l) => l.id));
  const letters = [...handed, ...carried.filter((l) => !known.has(l.id))];
  if (letters.length === 0) return { letters: 0, ownWords: 0, nearCopies: 0 };
  const templates = await db
    .selectFrom("campaign_topic_translation as p")
    .innerJoin("campaign_topic as t", "t.id", "p.topic_id")
    .select("p.paragraph")
    .where("t.campaign_id", "=", campaignId)
    .execute();
  const paragraphs = templates.map((p) => p.paragraph);
  const classified = classifyLetters(
    letters.map((l) => ({
      id: l.id,
      body: l.body,
      personalised: measurePersonalisation(l.body, paragraphs).level !== "low",
    })),
  );
  return { letters: letters.length, ownWords: classified.personalised, nearCopies: classified.nearCopies };
}
