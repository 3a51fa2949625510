"use server";

import { redirect } from "next/navigation";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale } from "@/lib/infra/i18n/config";

export type ConfirmLetterState = {
  status: "idle" | "confirmed" | "confirmed_signed" | "already_confirmed" | "invalid";
};

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing. A
// confirmed letter goes on to the thank-you page, an address without the token that may be shared.
export async function confirmLetterAction(
  token: string,
  locale: string,
  slug: string,
  _prev: { status: string },
): Promise<ConfirmLetterState> {
  const result = await confirmLetter(token);
  if (result.status === "confirmed" && isLocale(locale) && isCampaignSlug(slug))
    redirect(`/${locale}/c/${slug}/thanks?after=${result.signed ? "letter-signed" : "letter"}`);
  if (result.status === "confirmed" && result.signed) return { status: "confirmed_signed" };
  return { status: result.status };
}
