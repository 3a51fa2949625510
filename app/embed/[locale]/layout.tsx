import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/infra/i18n/config";

export const metadata = { robots: { index: false, follow: false } };

// The count widget stands alone inside a partner's frame: no site header, footer or language switch.
export default async function EmbedLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
