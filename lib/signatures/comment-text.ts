// The sign form's comment lines that hold numbers, written on the server: the browser formats them only once the
// person types. Formatting a number in the browser sets up its Intl data first (30–50 ms on a phone-class CPU),
// which would otherwise happen while the campaign page starts.
import { translator } from "@/lib/infra/i18n/messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { limits } from "./rules";

export type CommentText = { hint: string; emptyCount: string };

export function commentText(locale: Locale): CommentText {
  const t = translator(locale, "signForm");
  return {
    hint: t("commentHint", { max: limits.comment }),
    emptyCount: t("commentCount", { count: 0, max: limits.comment }),
  };
}
