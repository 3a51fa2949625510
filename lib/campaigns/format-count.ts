// The confirmed count in words. The same function writes it on the server (the first paint) and in the browser
// (each refresh of the count), so the public pages ship no message formatter for it.

/** A campaign namespace's `countForms`: the words at zero, and per plural category with `{count}` for the number. */
export type CountForms = { zero: string; one: string; other: string };

export function formatCount(forms: CountForms, locale: string, count: number): string {
  if (count === 0) return forms.zero;
  const form = new Intl.PluralRules(locale).select(count) === "one" ? forms.one : forms.other;
  return form.replace("{count}", new Intl.NumberFormat(locale).format(count));
}
