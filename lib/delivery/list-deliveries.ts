// Delivery status and history for organizers: every email sent to a campaign's target, what it carried, each
// attempt with the relay's answer. Callers must already have checked that the reader may see this campaign.
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import { kindsOf } from "@/lib/infra/outbox/message-kinds";

export type DeliveryRecord = {
  id: string;
  kind: "letter" | "digest" | "bundle";
  /** The campaign's target it went to (campaign_target), null for one made before targets existed. */
  targetId: string | null;
  status: "pending" | "sending" | "sent" | "failed" | "cancelled";
  messageId: string;
  /** The address it goes (or went) to. */
  to: string;
  attempts: number;
  /** While pending: when it is tried next. */
  nextTryAt: Date | null;
  lastError: string | null;
  response: string | null;
  createdAt: Date;
  sentAt: Date | null;
  carries: { signatures: number; letters: number };
  history: { status: string; attempt: number; detail: string | null; at: Date }[];
};

export async function listDeliveries(
  campaignId: string,
  options: { take?: number; status?: DeliveryRecord["status"] } = {},
): Promise<DeliveryRecord[]> {
  let query = db
    .selectFrom("outbox_message as m")
    .select((eb) => [
      "m.id",
      "m.kind",
      "m.status",
      "m.message_id",
      "m.to",
      "m.available_at",
      "m.attempts",
      "m.last_error",
      "m.response",
      "m.created_at",
      "m.sent_at",
      "m.target_id",
      eb
        .selectFrom("target_signature")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("target_signature.message_id", "=", "m.id")
        .as("signatures"),
      eb
        .selectFrom("target_letter")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("target_letter.message_id", "=", "m.id")
        .as("letters"),
    ])
    .where("m.campaign_id", "=", campaignId)
    .where("m.kind", "in", kindsOf("delivery"))
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .limit(Math.min(options.take ?? 50, 500));
  if (options.status) query = query.where("m.status", "=", options.status);
  const messages = await query.execute();
  const events = messages.length
    ? await db
        .selectFrom("outbox_event")
        .select(["message_id", "status", "attempt", "detail", "at"])
        .where(
          "message_id",
          "in",
          messages.map((m) => m.id),
        )
        .orderBy("at")
        .orderBy("id")
        .execute()
    : [];
  return messages.map((m) => ({
    id: m.id,
    kind: m.kind === "delivery.letter" ? "letter" : m.kind === "delivery.bundle" ? "bundle" : "digest",
    targetId: m.target_id,
    status: m.status,
    messageId: m.message_id,
    to: m.to,
    attempts: m.attempts,
    nextTryAt: m.status === "pending" ? m.available_at : null,
    lastError: m.last_error,
    response: m.response,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    carries: { signatures: m.signatures ?? 0, letters: m.letters ?? 0 },
    history: events
      .filter((e) => e.message_id === m.id)
      .map((e) => ({ status: e.status, attempt: e.attempt, detail: e.detail, at: e.at })),
  }));
}

/** Where one letter stands: its own status and dates, and the email that carries it. */
export async function letterDeliveryStatus(letterId: string) {
  const letter = await db
    .selectFrom("letter")
    .leftJoin("outbox_message as m", "m.id", "letter.delivery_message_id")
    .select([
      "letter.status",
      "letter.confirmed_at",
      "letter.queued_at",
      "letter.delivered_at",
      "m.id as message_row_id",
      "m.status as message_status",
      "m.attempts",
      "m.last_error",
      "m.response",
      "m.message_id",
      "m.sent_at",
    ])
    .where("letter.id", "=", letterId)
    .executeTakeFirst();
  if (!letter) return null;
  return {
    status: letter.status,
    confirmedAt: letter.confirmed_at,
    queuedAt: letter.queued_at,
    deliveredAt: letter.delivered_at,
    deliveryMessage: letter.message_row_id
      ? {
          id: letter.message_row_id,
          status: letter.message_status!,
          attempts: letter.attempts!,
          lastError: letter.last_error,
          response: letter.response,
          messageId: letter.message_id!,
          sentAt: letter.sent_at,
        }
      : null,
  };
}
