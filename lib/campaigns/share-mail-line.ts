// The one line a supporter's confirmation emails carry to ask them to share: the campaign's link, counted under the
// source "email" on the organizer's dashboard.
import { env } from "@/lib/infra/env";
import type { Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { campaignLink } from "./share-links";

export function shareMailLine(locale: Locale, slug: string): string {
  return translator(locale, "share")("emailLine", { url: campaignLink(env.APP_URL, locale, slug, "email") });
}
