// The public campaign page is ISR-cached: after an edit, opening or closing, drop its cached copies in every language.
import { revalidatePath } from "next/cache";
import { locales } from "../i18n/config";

export function revalidateCampaign(slug: string): void {
  for (const locale of locales) {
    try {
      revalidatePath(`/${locale}/c/${slug}`);
      revalidatePath(`/${locale}/c/${slug}/write`);
    } catch {
      // Outside a Next request (tests, scripts) there is no cache to drop.
    }
  }
  try {
    revalidatePath(`/api/campaigns/${slug}/count`);
  } catch {
    // as above
  }
}
