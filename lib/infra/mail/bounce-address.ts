// Each message's envelope sender names it (VERP): bounce+<outbox id>.<tag>@BOUNCE_DOMAIN, the tag a short HMAC under
// APP_SECRET, so that a bounce or complaint says which message it is about and no one can forge one about a message
// of their choosing. Lowercase hex only: some servers fold the case of the local part.
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import { env } from "@/lib/infra/env";

const prefix = "bounce";
/** 64 bits of HMAC: enough that guessing a tag is hopeless, short enough for a 64-character local part. */
const tagLength = 16;

const mailFromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1]?.toLowerCase();

/** Bounces come back to us when a receiver (BOUNCE_SMTP_PORT) or a bounce domain is configured. */
export const bounceDomain: string | null =
  env.BOUNCE_SMTP_PORT !== undefined || env.BOUNCE_DOMAIN ? (env.BOUNCE_DOMAIN ?? mailFromDomain ?? null) : null;

function tagFor(id: string): string {
  return Buffer.from(keyedHash("bounce-address", id), "base64url").toString("hex").slice(0, tagLength);
}

/** The bounce address of an outbox message, or null when bounces are not handled (the envelope stays as it was). */
export function bounceAddressFor(outboxId: string, domain = bounceDomain): string | null {
  if (!domain) return null;
  const id = outboxId.replaceAll("-", "").toLowerCase();
  return `${prefix}+${id}.${tagFor(id)}@${domain}`;
}

/** The envelope for a message: its own bounce address as the sender, when there is one. */
export function withBounceAddress<T extends { from: string | false }>(envelope: T, outboxId: string | undefined): T {
  const from = outboxId ? bounceAddressFor(outboxId) : null;
  return from ? { ...envelope, from } : envelope;
}

/** MAIL_FROM's address: the envelope sender when bounces are not handled. */
export const mailFromAddress = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim();

/**
 * The envelope every message is sent with: our own sender, whatever its From header says (a campaign's sender or,
 * through a malformed From, anyone's). The message's bounce address when bounces are handled, else MAIL_FROM's
 * address; a writer's or a campaign's address is never the envelope sender.
 */
export function ourEnvelope<T extends { from: string | false }>(envelope: T, outboxId: string | undefined): T {
  return { ...envelope, from: (outboxId ? bounceAddressFor(outboxId) : null) ?? mailFromAddress };
}

/**
 * Reads a recipient address of the bounce receiver: the outbox id for one of our bounce addresses with a valid tag,
 * "shared" for the plain bounce@ address (reports that name our message inside, such as forwarded complaints), or
 * null for anything else.
 */
export function readBounceAddress(address: string, domain = bounceDomain): { outboxId: string } | "shared" | null {
  if (!domain) return null;
  const match = /^([^@]+)@([^@]+)$/.exec(address.trim().toLowerCase());
  if (!match || match[2] !== domain) return null;
  if (match[1] === prefix) return "shared";
  const parts = new RegExp(`^${prefix}\\+([0-9a-f]{32})\\.([0-9a-f]{${tagLength}})$`).exec(match[1]!);
  if (!parts || !safeEqual(parts[2]!, tagFor(parts[1]!))) return null;
  const [, a, b, c, d, e] = /^(.{8})(.{4})(.{4})(.{4})(.{12})$/.exec(parts[1]!)!;
  return { outboxId: `${a}-${b}-${c}-${d}-${e}` };
}

/** Our bounce addresses with a valid tag found anywhere in a text (a returned message's Return-Path), as outbox ids. */
export function findBounceAddresses(text: string, domain = bounceDomain): string[] {
  if (!domain) return [];
  const found = new Set<string>();
  const addresses = new RegExp(`${prefix}\\+[0-9a-f]{32}\\.[0-9a-f]{${tagLength}}@[a-z0-9.-]+`, "gi");
  for (const [address] of text.matchAll(addresses)) {
    const read = readBounceAddress(address.replace(/\.+$/, ""), domain);
    if (read && read !== "shared") found.add(read.outboxId);
  }
  return [...found];
}
