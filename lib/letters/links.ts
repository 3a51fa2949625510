// Links carried by a letter writer's emails, as for signatures: the confirmation link holds a random token (only
// its hash is stored); the withdraw link is the letter's id signed with the app secret under its own purpose.
import { env } from "@/lib/infra/env";
import { keyedHash, safeEqual } from "@/lib/infra/crypto";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function letterWithdrawToken(letterId: string): string {
  return `${letterId}.${keyedHash("withdraw-letter", letterId)}`;
}

/** The letter id a withdraw token names, or null unless the token is exactly one we made (for a letter). */
export function readLetterWithdrawToken(token: string): string | null {
  const id = token.slice(0, 36);
  if (!uuid.test(id)) return null;
  return safeEqual(token, letterWithdrawToken(id)) ? id : null;
}

export function letterConfirmUrl(locale: string, token: string): string {
  return new URL(`/${locale}/letters/confirm/${token}`, env.APP_URL).toString();
}

export function letterWithdrawUrl(locale: string, letterId: string): string {
  return new URL(`/${locale}/letters/withdraw/${letterWithdrawToken(letterId)}`, env.APP_URL).toString();
}
