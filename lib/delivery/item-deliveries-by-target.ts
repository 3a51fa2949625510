// Where one letter or signature stands with each of its campaign's targets: not handed yet, or the message that
// carries it and that message's state. A letter sent to one target and still waiting for another shows both.
// Callers must already have checked that the reader may see this campaign.
import { db } from "@/lib/infra/db";
import { campaignTargets, targetText } from "@/lib/campaigns/campaign-targets";

export type ItemDeliveryToTarget = {
  targetId: string;
  name: string;
  /** `waiting`: not handed to this target yet; otherwise the carrying message's status. */
  status: "waiting" | "pending" | "sending" | "sent" | "failed" | "cancelled";
  messageId: string | null;
  sentAt: Date | null;
};

export async function itemDeliveriesByTarget(
  item: { letterId: string } | { signatureId: string },
  locale: string,
): Promise<ItemDeliveryToTarget[]> {
  const row =
    "letterId" in item
      ? await db.selectFrom("letter").select("campaign_id").where("id", "=", item.letterId).executeTakeFirst()
      : await db.selectFrom("signature").select("campaign_id").where("id", "=", item.signatureId).executeTakeFirst();
  if (!row) return [];
  const targets = await campaignTargets(row.campaign_id);
  const handed =
    "letterId" in item
      ? await db
          .selectFrom("target_letter as x")
          .leftJoin("outbox_message as m", "m.id", "x.message_id")
          .select(["x.target_id", "m.id as message_id", "m.status", "m.sent_at"])
          .where("x.letter_id", "=", item.letterId)
          .execute()
      : await db
          .selectFrom("target_signature as x")
          .leftJoin("outbox_message as m", "m.id", "x.message_id")
          .select(["x.target_id", "m.id as message_id", "m.status", "m.sent_at"])
          .where("x.signature_id", "=", item.signatureId)
          .execute();
  return targets.map((target) => {
    const record = handed.find((h) => h.target_id === target.id);
    return {
      targetId: target.id,
      name: targetText(target, locale).name,
      // A record whose message was since erased by retention was sent long ago.
      status: !record ? "waiting" : (record.status ?? "sent"),
      messageId: record?.message_id ?? null,
      sentAt: record?.sent_at ?? null,
    };
  });
}
