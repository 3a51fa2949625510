// What a letter's confirmation or withdraw page says before the button is pressed: which campaign the link is for
// and where the letter stands: when a confirmed letter leaves (its cooling-off hold), when a delivered one arrived and
// whether it carried the writer's address. Reading never changes anything, so a mail scanner that fetches the link
// does nothing.
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import type { Appearance } from "@/lib/campaigns/appearance";
import { readLetterWithdrawToken } from "./links";
import { letterHoldHours, letterLeavesAt } from "./letter-hold";

export type LetterLinkTarget = {
  campaignSlug: string;
  campaignTitle: string;
  status: "pending" | "confirmed" | "queued" | "delivered" | "withdrawn" | "rejected";
  /** Who the letter goes to, in the reader's language. */
  targetName: string;
  /** A confirmed letter: the earliest moment it leaves for the target (its hold); until then it can be withdrawn. */
  leavesAt: Date | null;
  /** The campaign's cooling-off hold, in hours. */
  holdHours: number;
  /** A delivered letter: when it was sent, whether the writer's address went with it, and whether our copy is erased. */
  deliveredAt: Date | null;
  replyConsent: boolean;
  /** How the writer appears to the target (lib/delivery/appear-as.ts). */
  appearance: Appearance;
  erased: boolean;
};

/** A confirmation link names its letter by the token's hash, a withdraw link by the letter's id. */
type Link = { confirmTokenHash: Buffer } | { id: string };

async function describe(link: Link, locale: string): Promise<LetterLinkTarget | null> {
  const letter = await db
    .selectFrom("letter as l")
    .innerJoin("campaign as c", "c.id", "l.campaign_id")
    .select((eb) => [
      "l.status",
      "l.confirm_token_expires_at",
      "l.confirmed_at",
      "l.delivered_at",
      "l.reply_consent",
      "l.appearance",
      "l.email",
      "c.letter_hold_hours",
      "c.slug",
      "c.default_locale",
      campaignTitles(eb.ref("c.id")).as("titles"),
    ])
    .where((eb) => ("id" in link ? eb("l.id", "=", link.id) : eb("l.confirm_token_hash", "=", link.confirmTokenHash)))
    .executeTakeFirst();
  // A suspected letter (caught by an abuse check) was never emailed: no link of its leads anywhere.
  if (!letter || letter.status === "withdrawn" || letter.status === "suspected") return null;
  const expired =
    letter.status === "pending" && "confirmTokenHash" in link && !(letter.confirm_token_expires_at! > now());
  if (expired) return null;
  const text = pickTranslation(letter.titles, locale, letter.default_locale);
  // A letter held for review is, for its writer, simply confirmed: it waits like any other before delivery.
  return {
    campaignSlug: letter.slug,
    campaignTitle: text?.title ?? "",
    status: letter.status === "held" ? "confirmed" : letter.status,
    targetName: text?.target_name ?? "",
    leavesAt: letter.confirmed_at ? letterLeavesAt(letter.confirmed_at, letter.letter_hold_hours) : null,
    holdHours: letterHoldHours(letter.letter_hold_hours),
    deliveredAt: letter.delivered_at,
    replyConsent: letter.reply_consent,
    appearance: letter.appearance,
    // A withdrawn delivered letter keeps only its delivery record (lib/privacy/erase-person.ts).
    erased: letter.status === "delivered" && letter.email === null,
  };
}

export function describeLetterConfirmLink(token: string, locale: string): Promise<LetterLinkTarget | null> {
  if (!token || token.length > 100) return Promise.resolve(null);
  return describe({ confirmTokenHash: sha256(token) }, locale);
}

export function describeLetterWithdrawLink(token: string, locale: string): Promise<LetterLinkTarget | null> {
  const id = readLetterWithdrawToken(token);
  return id ? describe({ id }, locale) : Promise.resolve(null);
}
