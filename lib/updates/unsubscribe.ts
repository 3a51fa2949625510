// One-click unsubscribe (RFC 8058) from the link in an update or milestone email: the link's message names the
// address, which joins the suppression list (lib/infra/outbox/suppress-recipient.ts); every later send checks it and
// enumerating an update's recipients skips it. Unsubscribing twice changes nothing.
import { db } from "@/lib/infra/db";
import { recipientKeyOf, suppressRecipient } from "@/lib/infra/outbox/suppress-recipient";
import { readUnsubscribeToken } from "./unsubscribe-link";

export type UnsubscribeState = "subscribed" | "unsubscribed" | "invalid";

/** Whether the link's address is still getting updates (for the confirm page). */
export async function unsubscribeState(token: string): Promise<UnsubscribeState> {
  const id = readUnsubscribeToken(token);
  const key = id ? await recipientKeyOf(id) : null;
  if (!key) return "invalid";
  const suppressed = await db
    .selectFrom("suppressed_address")
    .select("email_key")
    .where("email_key", "=", key)
    .executeTakeFirst();
  return suppressed ? "unsubscribed" : "subscribed";
}

export async function unsubscribe(token: string): Promise<Exclude<UnsubscribeState, "subscribed">> {
  const id = readUnsubscribeToken(token);
  return id && (await suppressRecipient(id)) ? "unsubscribed" : "invalid";
}

/** The language of the message a link came in, for the page it opens; null for a link that is not ours. */
export async function unsubscribeLocale(token: string): Promise<string | null> {
  const id = readUnsubscribeToken(token);
  if (!id) return null;
  const row = await db.selectFrom("outbox_message").select("locale").where("id", "=", id).executeTakeFirst();
  return row?.locale ?? null;
}
