"use client";

import { usePathname } from "next/navigation";
import { locales } from "@/lib/infra/i18n/config";

const names: Record<string, string> = { en: "English", ko: "한국어" };

/** Links to the same page in each language; the current one is marked for screen readers. */
export function LanguageSwitch({ label, current }: { label: string; current: string }) {
  const pathname = usePathname() ?? "/";
  const rest = pathname.replace(/^\/(en|ko)(?=\/|$)/, "");
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${rest}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {names[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
