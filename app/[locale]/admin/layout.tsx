import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { isLocale } from "@/lib/infra/i18n/config";
import { clientMessages } from "@/lib/infra/i18n/client-messages";

// Organizer pages read the session on every request: never cached, never indexed.
export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  return (
    <NextIntlClientProvider
      messages={isLocale(locale) ? clientMessages(locale, ["admin", "fieldErrors", "apiErrors"]) : {}}
    >
      <div className="page admin">{children}</div>
    </NextIntlClientProvider>
  );
}
