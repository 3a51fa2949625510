// All UI and email strings. Each feature keeps its namespaces in its own pair of files, merged here.
import en from "./messages/en.json";
import ko from "./messages/ko.json";
import lettersEn from "./messages/letters.en.json";
import lettersKo from "./messages/letters.ko.json";
import deliveryEn from "./messages/delivery.en.json";
import deliveryKo from "./messages/delivery.ko.json";
import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";

const enAll = { ...en, ...lettersEn, ...deliveryEn };
export type Messages = typeof enAll;
export const messages: Record<Locale, Messages> = { en: enAll, ko: { ...ko, ...lettersKo, ...deliveryKo } as Messages };

/** A translator for code outside React (route handlers, emails). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
