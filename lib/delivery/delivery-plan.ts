// A campaign's delivery plan as organizers see it: where and from what address deliveries go, the holds and the
// throttle, when the next digest leaves and what it would carry now. Read with the same rules as the tick
// (schedule-deliveries.ts): confirmed items not yet handed to a delivery, letters past their cooling-off hold.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { deliveryTargetOf } from "@/lib/campaigns/delivery-target";
import { campaignSender } from "@/lib/campaigns/campaign-sender";
import { hourMs, letterHoldHours } from "@/lib/letters/letter-hold";

export type DeliveryPlan = {
  status: "draft" | "open" | "closed";
  target: string;
  sender: string;
  letterDelivery: "individual" | "digest";
  digestIntervalMinutes: number;
  throttlePerMinute: number;
  holdUntil: Date | null;
  letterHoldHours: number;
  lastDigestAt: Date | null;
  /** When the next digest may leave (the first tick from then on), or null while nothing waits for one. */
  nextDigestAt: Date | null;
  /** What waits now: signers and letters for the next digest, letters to go one by one, letters still in their hold. */
  waiting: { signatures: number; digestLetters: number; singleLetters: number; inHold: number };
  /** At most this many signers or letters go in one digest; the rest follow at the next tick. */
  digestMax: { signatures: number; letters: number };
};

export async function deliveryPlan(campaignId: string): Promise<DeliveryPlan> {
  const at = now();
  const c = await db
    .selectFrom("campaign")
    .select([
      "status",
      "sender_email",
      "letter_delivery",
      "digest_interval_minutes",
      "throttle_per_minute",
      "hold_until",
      "letter_hold_hours",
      "last_digest_at",
    ])
    .where("id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const hold = letterHoldHours(c.letter_hold_hours);
  const cutoff = hold === 0 ? at : new Date(at.getTime() - hold * hourMs);
  const { rows } = await sql<{ signatures: number; ready: number; in_hold: number }>`
SELECT (SELECT count(*) FROM signature WHERE campaign_id = ${campaignId} AND status = 'confirmed'
          AND delivery_message_id IS NULL)::int AS signatures,
       (SELECT count(*) FROM letter WHERE campaign_id = ${campaignId} AND status = 'confirmed'
          AND delivery_message_id IS NULL AND confirmed_at <= ${cutoff}::timestamptz)::int AS ready,
       (SELECT count(*) FROM letter WHERE campaign_id = ${campaignId} AND status = 'confirmed'
          AND delivery_message_id IS NULL AND confirmed_at > ${cutoff}::timestamptz)::int AS in_hold`.execute(db);
  const counts = rows[0]!;
  const digest = c.letter_delivery === "digest";
  const waiting = {
    signatures: Math.min(counts.signatures, env.DIGEST_MAX_ITEMS),
    digestLetters: digest ? Math.min(counts.ready, env.DIGEST_MAX_LETTERS) : 0,
    singleLetters: digest ? 0 : counts.ready,
    inHold: counts.in_hold,
  };
  const due = c.last_digest_at ? new Date(c.last_digest_at.getTime() + c.digest_interval_minutes * 60_000) : at;
  const latest = (...dates: (Date | null)[]) =>
    new Date(Math.max(...dates.filter((d): d is Date => d !== null).map((d) => d.getTime())));
  const nextDigestAt =
    c.status !== "draft" && waiting.signatures + waiting.digestLetters > 0 ? latest(due, c.hold_until, at) : null;
  return {
    status: c.status,
    target: await deliveryTargetOf(campaignId),
    sender: campaignSender(c.sender_email),
    letterDelivery: c.letter_delivery,
    digestIntervalMinutes: c.digest_interval_minutes,
    throttlePerMinute: c.throttle_per_minute,
    holdUntil: c.hold_until,
    letterHoldHours: hold,
    lastDigestAt: c.last_digest_at,
    nextDigestAt,
    waiting,
    digestMax: { signatures: env.DIGEST_MAX_ITEMS, letters: env.DIGEST_MAX_LETTERS },
  };
}
