// The mailto: way to unsubscribe (RFC 2369 List-Unsubscribe): unsubscribe+<outbox id>.<tag>@ the bounce domain, the
// tag a short HMAC under APP_SECRET like a bounce address's, so a message to it names which message (and so which
// address) it is about and no one can unsubscribe an address of their choosing. The bounce receiver takes it.
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import { bounceDomain } from "./bounce-address";

const prefix = "unsubscribe";
const tagLength = 16;

function tagFor(id: string): string {
  return Buffer.from(keyedHash("unsubscribe-address", id), "base64url").toString("hex").slice(0, tagLength);
}

/** The unsubscribe address of an outbox message, or null when no bounce receiver takes mail for us. */
export function unsubscribeAddressFor(outboxId: string, domain = bounceDomain): string | null {
  if (!domain) return null;
  const id = outboxId.replaceAll("-", "").toLowerCase();
  return `${prefix}+${id}.${tagFor(id)}@${domain}`;
}

/** The outbox id an unsubscribe address names, or null unless it is one we made. */
export function readUnsubscribeAddress(address: string, domain = bounceDomain): string | null {
  if (!domain) return null;
  const match = /^([^@]+)@([^@]+)$/.exec(address.trim().toLowerCase());
  if (!match || match[2] !== domain) return null;
  const parts = new RegExp(`^${prefix}\\+([0-9a-f]{32})\\.([0-9a-f]{${tagLength}})$`).exec(match[1]!);
  if (!parts || !safeEqual(parts[2]!, tagFor(parts[1]!))) return null;
  const [, a, b, c, d, e] = /^(.{8})(.{4})(.{4})(.{4})(.{12})$/.exec(parts[1]!)!;
  return `${a}-${b}-${c}-${d}-${e}`;
}
