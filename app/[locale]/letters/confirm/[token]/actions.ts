"use server";

import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/infra/i18n/config";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
import { confirmLetter } from "@/lib/letters/confirm-letter";

export type ConfirmLetterState = {
  status: "idle" | "confirmed" | "confirmed_signed" | "already_confirmed" | "invalid";
  /** When the letter leaves, in the reader's language and time zone. */
  detail?: string;
};

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing.
export async function confirmLetterAction(
  token: string,
  locale: string,
  target: string,
  _prev: { status: string },
): Promise<ConfirmLetterState> {
  const result = await confirmLetter(token);
  if (result.status === "invalid") return { status: "invalid" };
  const lang = isLocale(locale) ? locale : "en";
  const t = await getTranslations({ locale: lang, namespace: "letterConfirm" });
  const detail = result.leavesAt ? t("leavesAt", { target, time: formatMoment(result.leavesAt, lang) }) : undefined;
  if (result.status === "confirmed" && result.signed) return { status: "confirmed_signed", detail };
  return { status: result.status, detail };
}
