"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale } from "next-intl";
import { locales } from "@/lib/infra/i18n/config";

const names: Record<string, string> = { en: "English", ko: "한국어" };

/** Links to the same page in each language; the current one is marked for screen readers. */
export function LanguageSwitch({ label }: { label: string }) {
  const pathname = usePathname() ?? "/";
  const current = useLocale();
  const rest = pathname.replace(/^\/(en|ko)(?=\/|$)/, "");
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={`/${locale}${rest}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {names[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
