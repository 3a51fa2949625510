import type { Locale } from "./config";
import { messages, type Messages } from "./messages";

/** Only the namespaces a page's client components use: the rest never reaches the browser. */
export function clientMessages<N extends keyof Messages>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = messages[locale];
  return Object.fromEntries(namespaces.map((n) => [n, all[n]])) as Pick<Messages, N>;
}
