// The unsubscribe link every update and milestone email carries (RFC 8058 one-click): the outbox message's id with
// an HMAC of it under APP_SECRET, so the link needs no sign-in and no stored token, and cannot be guessed or made for
// another message. The address it unsubscribes is the one that message went to.
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";
import { bounceDomain } from "@/lib/infra/mail/bounce-address";

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

const mailFromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1]?.toLowerCase() ?? "open-letters.localhost";

/** The mailto: alternative: a message to this address, received by the bounce receiver, unsubscribes too. */
export function unsubscribeMailto(outboxId: string): string {
  const tag = keyedHash("unsubscribe", outboxId);
  const local = `unsubscribe+${outboxId.replaceAll("-", "")}.${Buffer.from(tag, "base64url").toString("hex").slice(0, 16)}`;
  return `mailto:${local}@${bounceDomain ?? mailFromDomain}?subject=unsubscribe`;
}

/** The two headers of RFC 2369 and RFC 8058 for one message. */
export function unsubscribeHeaders(outboxId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(outboxId)}>, <${unsubscribeMailto(outboxId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
