// What the organizer sees before releasing or rejecting a held letter: the letter itself, and whether its writer
// also co-signed the campaign (then rejecting may strike that signature out too).
import "server-only";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function describeLetterDecision(scope: Scope, campaignId: string, letterId: string) {
  const campaign = await scope.campaign(campaignId);
  const letter = await scope.letter(letterId);
  if (letter.campaignId !== campaign.id) return null;
  const row = await db
    .selectFrom("letter as l")
    .leftJoin("signature as s", (join) =>
      join
        .onRef("s.campaign_id", "=", "l.campaign_id")
        .onRef("s.email_key", "=", "l.email_key")
        .on("s.status", "in", ["confirmed", "pending"]),
    )
    .select(["l.id", "l.subject", "l.body", "l.language", "l.status", "l.also_sign", "s.id as signatureId"])
    .where("l.id", "=", letter.id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    subject: row.subject,
    body: row.body,
    language: row.language,
    held: row.status === "held",
    /** The writer co-signed with the letter and that signature still stands. */
    cosigned: row.also_sign && row.signatureId !== null,
  };
}
