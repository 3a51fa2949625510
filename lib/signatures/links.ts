// Links carried by signature emails. The confirmation link holds a random token (only its hash is stored);
// the withdraw link is the signature's id signed with the app secret, so every email can carry one without
// keeping a second token around.
import { env } from "@/lib/infra/env";
import { keyedHash, safeEqual } from "@/lib/infra/crypto";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function withdrawToken(signatureId: string): string {
  return `${signatureId}.${keyedHash("withdraw-signature", signatureId)}`;
}

/** The signature id a withdraw token names, or null unless the token is exactly one we made (nothing added). */
export function readWithdrawToken(token: string): string | null {
  const id = token.slice(0, 36);
  if (!uuid.test(id)) return null;
  return safeEqual(token, withdrawToken(id)) ? id : null;
}

export function confirmUrl(locale: string, token: string): string {
  return new URL(`/${locale}/confirm/${token}`, env.APP_URL).toString();
}

export function withdrawUrl(locale: string, signatureId: string): string {
  return new URL(`/${locale}/withdraw/${withdrawToken(signatureId)}`, env.APP_URL).toString();
}

/** "Where your details go" (app/[locale]/privacy): linked from every email a signer or a letter writer gets. */
export function whereUrl(locale: string): string {
  return new URL(`/${locale}/privacy#where`, env.APP_URL).toString();
}
