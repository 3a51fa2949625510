// What a confirmation or withdraw page says before the button is pressed: which campaign the link is for.
// Reading never changes anything, so a mail scanner that fetches the link confirms or withdraws nothing.
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";
import { campaignTitles } from "@/lib/campaigns/campaign-title";
import { pickTranslation } from "@/lib/campaigns/pick-translation";
import type { Appearance } from "@/lib/campaigns/appearance";
import { readWithdrawToken } from "./links";

export type LinkTarget = {
  campaignSlug: string;
  campaignTitle: string;
  status: "pending" | "confirmed";
  targetName: string;
  /** When a digest that carried this signature was sent to the target: from then on it cannot be called back. */
  sentInDigestAt: Date | null;
  /** How the signer appears to the target, and whether a digest has already taken the signature (then it is fixed). */
  appearance: Appearance;
  delivered: boolean;
};

/** A confirmation link names its signature by the token's hash, a withdraw link by the signature's id. */
type Link = { confirmTokenHash: Buffer } | { id: string };

async function describe(link: Link, locale: string): Promise<LinkTarget | null> {
  const signature = await db
    .selectFrom("signature as s")
    .innerJoin("campaign as c", "c.id", "s.campaign_id")
    .select((eb) => [
      "s.status",
      "s.appearance",
      "s.delivery_message_id",
      "s.confirm_token_expires_at",
      "c.slug",
      "c.default_locale",
      campaignTitles(eb.ref("c.id")).as("titles"),
      eb
        .selectFrom("outbox_message as d")
        .select("d.sent_at")
        .whereRef("d.id", "=", "s.delivery_message_id")
        .where("d.status", "=", "sent")
        .as("sent_at"),
    ])
    .where((eb) => ("id" in link ? eb("s.id", "=", link.id) : eb("s.confirm_token_hash", "=", link.confirmTokenHash)))
    .executeTakeFirst();
  if (!signature) return null;
  // A suspected signature was never emailed; an invalidated one was struck out by an organizer: its confirmation link
  // leads nowhere (confirming it would change nothing). Its withdraw link still erases it.
  const struckOut = signature.status === "suspected" || signature.status === "invalidated";
  if (struckOut && "confirmTokenHash" in link) return null;
  const expired =
    signature.status === "pending" && "confirmTokenHash" in link && !(signature.confirm_token_expires_at! > now());
  if (expired) return null;
  const text = pickTranslation(signature.titles, locale, signature.default_locale);
  return {
    campaignSlug: signature.slug,
    campaignTitle: text?.title ?? "",
    status: signature.status === "pending" ? "pending" : "confirmed",
    targetName: text?.target_name ?? "",
    sentInDigestAt: signature.sent_at ?? null,
    appearance: signature.appearance,
    delivered: signature.delivery_message_id !== null,
  };
}

export function describeConfirmLink(token: string, locale: string): Promise<LinkTarget | null> {
  if (!token || token.length > 100) return Promise.resolve(null);
  return describe({ confirmTokenHash: sha256(token) }, locale);
}

export function describeWithdrawLink(token: string, locale: string): Promise<LinkTarget | null> {
  const id = readWithdrawToken(token);
  return id ? describe({ id }, locale) : Promise.resolve(null);
}
