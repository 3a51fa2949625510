import en from "./messages/en.json";
import ko from "./messages/ko.json";
import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";

export type Messages = typeof en;
export const messages: Record<Locale, Messages> = { en, ko };

/** A translator for code outside React (route handlers, emails). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
