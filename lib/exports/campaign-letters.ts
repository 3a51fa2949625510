// The letters of one campaign for its organizers' exports (CSV and the printable document): every letter that was
// confirmed and still carries its writer (withdrawn and erased letters have no email key and are left out), with
// its topics, and the writer as the target sees them (appearAs, the rule every delivery path uses).
import "server-only";
import { sql } from "kysely";
import { appearAs } from "@/lib/delivery/appear-as";
import { placeLine } from "@/lib/delivery/compose-letter-delivery";
import { db } from "@/lib/infra/db";

/** A confirmed letter, whatever happened to it since (held, queued, delivered, or rejected after review). */
export const exportedLetterStatuses = ["confirmed", "held", "queued", "delivered", "rejected"] as const;

export type ExportedLetter = Awaited<ReturnType<typeof campaignLetters>>[number];

export async function campaignLetters(campaignId: string, locale: string) {
  const rows = await db
    .selectFrom("letter as l")
    .select([
      "l.id",
      "l.name",
      "l.email",
      "l.country",
      "l.region",
      "l.city",
      "l.language",
      "l.status",
      "l.show_name",
      "l.appearance",
      "l.subject",
      "l.body",
      "l.confirmed_at",
      sql<string>`COALESCE((SELECT string_agg(COALESCE(tt.title, t.key), '; ' ORDER BY t.position)
                              FROM letter_topic lt JOIN campaign_topic t ON t.id = lt.topic_id
                              LEFT JOIN campaign_topic_translation tt ON tt.topic_id = t.id AND tt.locale = ${locale}
                             WHERE lt.letter_id = l.id), '')`.as("topics"),
    ])
    .where("l.campaign_id", "=", campaignId)
    .where("l.email_key", "is not", null)
    .where("l.status", "in", exportedLetterStatuses)
    .orderBy("l.confirmed_at")
    .orderBy("l.id")
    .execute();
  return rows.map((r) => ({ ...r, shownToTarget: shownToTarget(r, locale) }));
}

/** The writer as the letter's signature shows them to the target: name and place, initials and country, or nothing. */
export function shownToTarget(
  letter: {
    name: string;
    appearance: "full" | "initials" | "counted";
    city: string | null;
    region: string | null;
    country: string;
  },
  locale: string,
): string {
  const shown = appearAs(letter);
  if (shown.appearance === "counted") return "";
  const place =
    shown.appearance === "full"
      ? placeLine(locale, { city: shown.city, region: shown.region, country: shown.country })
      : placeLine(locale, { country: shown.country });
  return place ? `${shown.name}, ${place}` : shown.name;
}

/** Whom the letters are addressed to, in this language (else the campaign's default language, else any). */
export async function letterTargetName(campaignId: string, locale: string): Promise<string> {
  const row = await db
    .selectFrom("campaign_translation as t")
    .innerJoin("campaign as c", "c.id", "t.campaign_id")
    .select("t.target_name")
    .where("t.campaign_id", "=", campaignId)
    .orderBy(sql`t.locale = ${locale}`, "desc")
    .orderBy(sql`t.locale = c.default_locale`, "desc")
    .executeTakeFirst();
  return row?.target_name ?? "";
}
