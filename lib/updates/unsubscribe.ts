// One-click unsubscribe (RFC 8058): the link's message names the address; the address joins the suppression list
// (keyed like signatures and letters), which every later send checks (lib/infra/outbox/cancel-suppressed-messages.ts)
// and which enumerating an update's recipients skips. Unsubscribing twice changes nothing.
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { readUnsubscribeToken } from "./unsubscribe-link";

export type UnsubscribeState = "subscribed" | "unsubscribed" | "invalid";

async function addressOf(token: string): Promise<{ id: string; key: string } | null> {
  const id = readUnsubscribeToken(token);
  if (!id) return null;
  const row = await db.selectFrom("outbox_message").select(["to"]).where("id", "=", id).executeTakeFirst();
  // An erased person's messages keep no address: there is nothing left to unsubscribe.
  return row && row.to ? { id, key: emailKey(row.to) } : null;
}

/** Whether the link's address is still getting updates (for the confirm page). */
export async function unsubscribeState(token: string): Promise<UnsubscribeState> {
  const address = await addressOf(token);
  if (!address) return "invalid";
  const suppressed = await db
    .selectFrom("suppressed_address")
    .select("email_key")
    .where("email_key", "=", address.key)
    .executeTakeFirst();
  return suppressed ? "unsubscribed" : "subscribed";
}

/** Puts the link's address on the suppression list: its unsent mail is cancelled when a worker claims it. */
export async function unsubscribe(token: string): Promise<Exclude<UnsubscribeState, "subscribed">> {
  const address = await addressOf(token);
  if (!address) return "invalid";
  const at = now();
  await db
    .insertInto("suppressed_address")
    .values({ email_key: address.key, reason: "unsubscribe", source_message_id: address.id, created_at: at })
    .onConflict((oc) => oc.column("email_key").doNothing())
    .execute();
  return "unsubscribed";
}
