// The next deliveries exactly as the campaign's first target would get them now (in its language, named as it is): the next digest (what waits for it, its period and
// totals as the tick would write them) and, when letters go one by one, the next letter. Both come from the real
// renderers (render-delivery-mail.ts), so the preview and the test send are the message itself, not a copy.
import { randomUUID } from "node:crypto";
import { type NotNull } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import type { MailContent } from "@/lib/infra/outbox/outbox";
import { deliveryTargetFor } from "@/lib/campaigns/delivery-target";
import type { CampaignTarget } from "@/lib/campaigns/campaign-targets";
import { hourMs, letterHoldHours } from "@/lib/letters/letter-hold";
import {
  composeDigest,
  digestTargetOf,
  renderLetterDeliveries,
  type DigestItems,
  type DigestTarget,
} from "./render-delivery-mail";
import { digestPayload } from "./digest-payload";

export type NextDelivery = { kind: "digest" | "letter"; to: string; content: MailContent };

/** The next digest (null when nothing waits for one) and the next single letter (null when none waits). */
export async function previewNextDeliveries(
  campaignId: string,
): Promise<{ digest: NextDelivery | null; letter: NextDelivery | null }> {
  const at = now();
  const campaign = await db
    .selectFrom("campaign")
    .select(["id", "default_locale", "letter_delivery", "letter_hold_hours", "last_digest_at"])
    .where("id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const target = await deliveryTargetFor(campaignId);
  const to = target.email;
  const hold = letterHoldHours(campaign.letter_hold_hours);
  const cutoff = new Date(at.getTime() - hold * hourMs);
  const unsentLetters = () =>
    db
      .selectFrom("letter")
      .where("campaign_id", "=", campaignId)
      .where("status", "=", "confirmed")
      .where("delivery_message_id", "is", null)
      .$if(hold !== 0, (q) => q.where("confirmed_at", "<=", cutoff))
      .orderBy("confirmed_at")
      .orderBy("id");

  const signers = await db
    .selectFrom("signature")
    .select(["appearance", "name", "region", "country", "confirmed_at"])
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "confirmed")
    .where("delivery_message_id", "is", null)
    .$narrowType<{ confirmed_at: NotNull }>()
    .orderBy("confirmed_at")
    .orderBy("id")
    .limit(env.DIGEST_MAX_ITEMS)
    .execute();
  const letters: DigestItems["letters"] =
    campaign.letter_delivery === "digest"
      ? await unsentLetters()
          .select(["id", "appearance", "name", "city", "region", "country", "subject", "body"])
          .limit(env.DIGEST_MAX_LETTERS)
          .execute()
      : [];
  const digest =
    signers.length + letters.length > 0
      ? {
          kind: "digest" as const,
          to,
          content: await composeDigest(
            campaignId,
            target.language,
            await digestPayload(
              db,
              { id: campaignId, last_digest_at: target.lastScheduledAt },
              { signatures: signers.length, letters: letters.length },
              at,
            ),
            { signers, letters },
            await digestTargetIn(target),
          ),
        }
      : null;

  let letter: NextDelivery | null = null;
  if (campaign.letter_delivery === "individual") {
    const next = await unsentLetters().select("id").limit(1).executeTakeFirst();
    const row = next && {
      id: randomUUID(),
      kind: "delivery.letter" as const,
      to,
      locale: target.language,
      payload: {},
      message_id: "",
      signature_id: null,
      letter_id: next.id,
      campaign_id: campaignId,
    };
    const content = row ? (await renderLetterDeliveries([row])).get(row.id) : null;
    if (content) letter = { kind: "letter", to, content };
  }
  return { digest, letter };
}

/** An empty digest, for a test send while nothing waits: what the target would get, with no one listed yet. */
export async function emptyDigest(campaignId: string): Promise<NextDelivery> {
  const target = await deliveryTargetFor(campaignId);
  const payload = await digestPayload(
    db,
    { id: campaignId, last_digest_at: target.lastScheduledAt },
    { signatures: 0, letters: 0 },
    now(),
  );
  return {
    kind: "digest",
    to: target.email,
    content: await composeDigest(
      campaignId,
      target.language,
      payload,
      { signers: [], letters: [] },
      await digestTargetIn(target),
    ),
  };
}

/**
 * The target as its digest names it. A target not stored yet (the tick stores it, named by the campaign's
 * single-target text, before its first delivery) has handed nothing so far.
 */
async function digestTargetIn(target: CampaignTarget): Promise<DigestTarget> {
  return (target.stored ? await digestTargetOf(target.id, target.language) : null) ?? { id: null, name: null };
}
