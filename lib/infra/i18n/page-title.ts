// A page's <title> from its own heading's message, in the page's language: every page names itself (screen readers
// announce it first, tabs and history show it). The layout adds " · Open Letters".
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { defaultLocale, isLocale } from "./config";

type Props = { params: Promise<{ locale?: string }> };

/**
 * A generateMetadata giving the page the title `namespace.key`, plus any other metadata it needs. A page beside the
 * layout that sets the template (the start page) is not under it: `withAppName` adds the suffix itself.
 */
export function titleFrom(namespace: string, key: string, extra: Metadata = {}, { withAppName = false } = {}) {
  return async function generateMetadata({ params }: Props): Promise<Metadata> {
    const { locale } = await params;
    // "/anything" is [locale] = "anything": the layout answers 404, and so does the title.
    if (!isLocale(locale)) return notFoundMetadata(defaultLocale);
    const title = (await getTranslations({ locale, namespace }))(key as never);
    if (!withAppName) return { ...extra, title };
    const appName = (await getTranslations({ locale, namespace: "common" }))("appName");
    return { ...extra, title: { absolute: `${title} · ${appName}` } };
  };
}

/**
 * The title of a page whose subject does not exist: its generateMetadata answers this before the page calls
 * notFound(), since the not-found page's own title does not replace a title the browser already has.
 */
export async function notFoundMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale: isLocale(locale) ? locale : defaultLocale, namespace: "common" });
  return { title: t("notFoundTitle"), robots: { index: false, follow: false } };
}
