/** A campaign text in the reader's language, else in the campaign's default language, else the first there is. */
export function pickTranslation<T extends { locale: string }>(
  list: T[],
  locale: string,
  defaultLocale: string,
): T | undefined {
  return list.find((t) => t.locale === locale) ?? list.find((t) => t.locale === defaultLocale) ?? list[0];
}
