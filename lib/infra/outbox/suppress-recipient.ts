// Its recipient asked for no more mail (an unsubscribe link or address, RFC 8058): the address a message went to joins
// the suppression list, keyed like signatures and letters, which every later send obeys (cancel-suppressed-messages.ts).
// Once is enough; again changes nothing. A delivery to a campaign's target is never suppressed.
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { suppressionApplies } from "./message-kinds";

/** The suppression key of the address a message went to, or null (no such message, erased, or a delivery). */
export async function recipientKeyOf(outboxId: string): Promise<string | null> {
  const message = await db
    .selectFrom("outbox_message")
    .select(["kind", "to"])
    .where("id", "=", outboxId)
    .executeTakeFirst();
  // An erased person's messages keep no address: there is nothing left to unsubscribe.
  return message && message.to && suppressionApplies(message.kind) ? emailKey(message.to) : null;
}

export async function suppressRecipient(outboxId: string): Promise<boolean> {
  const key = await recipientKeyOf(outboxId);
  if (!key) return false;
  await db
    .insertInto("suppressed_address")
    .values({ email_key: key, reason: "unsubscribe", source_message_id: outboxId, created_at: now() })
    .onConflict((oc) => oc.column("email_key").doNothing())
    .execute();
  return true;
}
