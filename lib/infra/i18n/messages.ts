// All UI and email strings. Each feature keeps its namespaces in its own pair of files, merged here.
import en from "./messages/en.json";
import ko from "./messages/ko.json";
import lettersEn from "./messages/letters.en.json";
import lettersKo from "./messages/letters.ko.json";
import deliveryEn from "./messages/delivery.en.json";
import deliveryKo from "./messages/delivery.ko.json";
import adminEn from "./messages/admin.en.json";
import adminKo from "./messages/admin.ko.json";
import bundlesEn from "./messages/bundles.en.json";
import bundlesKo from "./messages/bundles.ko.json";
import appearanceEn from "./messages/appearance.en.json";
import appearanceKo from "./messages/appearance.ko.json";
import sharingEn from "./messages/sharing.en.json";
import sharingKo from "./messages/sharing.ko.json";
import signerWallEn from "./messages/signer-wall.en.json";
import signerWallKo from "./messages/signer-wall.ko.json";
import decisionsEn from "./messages/decisions.en.json";
import decisionsKo from "./messages/decisions.ko.json";
import updatesEn from "./messages/updates.en.json";
import updatesKo from "./messages/updates.ko.json";
import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";

// The admin files also add codes to the shared apiErrors and fieldErrors namespaces: those two merge one level deep.
function withAdmin<
  B extends { apiErrors: object; fieldErrors: object },
  A extends { apiErrors: object; fieldErrors: object },
>(base: B, admin: A) {
  return {
    ...base,
    ...admin,
    apiErrors: { ...base.apiErrors, ...admin.apiErrors },
    fieldErrors: { ...base.fieldErrors, ...admin.fieldErrors },
  } as Omit<B, "apiErrors" | "fieldErrors"> &
    Omit<A, "apiErrors" | "fieldErrors"> & {
      apiErrors: B["apiErrors"] & A["apiErrors"];
      fieldErrors: B["fieldErrors"] & A["fieldErrors"];
    };
}

const enAll = withAdmin(
  {
    ...en,
    ...lettersEn,
    ...deliveryEn,
    ...bundlesEn,
    ...appearanceEn,
    ...sharingEn,
    ...signerWallEn,
    ...decisionsEn,
    ...updatesEn,
  },
  adminEn,
);
export type Messages = typeof enAll;
export const messages: Record<Locale, Messages> = {
  en: enAll,
  ko: withAdmin(
    {
      ...ko,
      ...lettersKo,
      ...deliveryKo,
      ...bundlesKo,
      ...appearanceKo,
      ...sharingKo,
      ...signerWallKo,
      ...decisionsKo,
      ...updatesKo,
    },
    adminKo,
  ) as Messages,
};

const translators = new Map<string, unknown>();

/** A translator for code outside React (route handlers, emails); made once per language and namespace. */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  const key = `${locale}:${namespace}`;
  let t = translators.get(key) as ReturnType<typeof createTranslator<Messages, N>> | undefined;
  if (!t) {
    t = createTranslator({ locale, messages: messages[locale], namespace });
    translators.set(key, t);
  }
  return t;
}
