"use server";

import { redirect } from "next/navigation";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale } from "@/lib/infra/i18n/config";

export type ConfirmState = { status: "idle" | "confirmed" | "already_confirmed" | "invalid" };

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing. A
// confirmed signature goes on to the thank-you page, an address without the token that may be shared.
export async function confirmAction(
  token: string,
  locale: string,
  slug: string,
  _prev: { status: string },
): Promise<ConfirmState> {
  const result = await confirmSignature(token);
  if (result.status === "confirmed" && isLocale(locale) && isCampaignSlug(slug))
    redirect(`/${locale}/c/${slug}/thanks?after=confirmed`);
  return { status: result.status };
}
