"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { isCampaignSlug } from "@/lib/campaigns/slug";
import { isLocale } from "@/lib/infra/i18n/config";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
import { now } from "@/lib/infra/clock";

export type ConfirmLetterState = {
  status: "idle" | "confirmed" | "confirmed_signed" | "already_confirmed" | "invalid";
  /** When the letter leaves, in the reader's language and time zone. */
  detail?: string;
};

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing. A
// confirmed letter that leaves at the next tick goes on to the thank-you page (an address without the token that may
// be shared); one still in its cooling-off hold stays here, to say when it leaves and that withdrawing stops it.
export async function confirmLetterAction(
  token: string,
  locale: string,
  slug: string,
  target: string,
  _prev: { status: string },
): Promise<ConfirmLetterState> {
  const result = await confirmLetter(token);
  if (result.status === "invalid") return { status: "invalid" };
  const lang = isLocale(locale) ? locale : "en";
  const held = result.leavesAt !== null && result.leavesAt > now();
  if (result.status === "confirmed" && !held && isLocale(locale) && isCampaignSlug(slug))
    redirect(`/${locale}/c/${slug}/thanks?after=${result.signed ? "letter-signed" : "letter"}`);
  const t = await getTranslations({ locale: lang, namespace: "letterConfirm" });
  const detail = held ? t("leavesAt", { target, time: formatMoment(result.leavesAt!, lang) }) : undefined;
  if (result.status === "confirmed" && result.signed) return { status: "confirmed_signed", detail };
  return { status: result.status, detail };
}
