// The unsubscribe link every update and milestone email carries (RFC 8058 one-click): the outbox message's id with
// an HMAC of it under APP_SECRET, so the link needs no sign-in and no stored token, and cannot be guessed or made for
// another message. The address it unsubscribes is the one that message went to.
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";
import { unsubscribeAddressFor } from "@/lib/infra/mail/unsubscribe-address";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function unsubscribeToken(outboxId: string): string {
  return `${outboxId}.${keyedHash("unsubscribe", outboxId)}`;
}

/** The outbox message id a token names, or null unless the token is exactly one we made. */
export function readUnsubscribeToken(token: string): string | null {
  const id = token.slice(0, 36);
  if (!uuid.test(id)) return null;
  return safeEqual(token, unsubscribeToken(id)) ? id : null;
}

/** Where a mail client POSTs `List-Unsubscribe=One-Click`, and where a GET shows the confirm button. */
export function unsubscribeUrl(outboxId: string): string {
  return new URL(`/u/${unsubscribeToken(outboxId)}`, env.APP_URL).toString();
}

/** The two headers of RFC 2369 and RFC 8058 for one message; the mailto: one when a bounce receiver takes it. */
export function unsubscribeHeaders(outboxId: string): Record<string, string> {
  const address = unsubscribeAddressFor(outboxId);
  const mailto = address ? `, <mailto:${address}?subject=unsubscribe>` : "";
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(outboxId)}>${mailto}`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
