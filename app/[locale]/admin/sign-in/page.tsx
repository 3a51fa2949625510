import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { returnPath } from "@/lib/organizers/auth/return-path";
import { SignInForm } from "@/components/organizers/sign-in-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin.signIn" }))("title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { locale } = await params;
  // Back to the organizer page that sent here, when it is one of ours; otherwise the dashboard.
  const next = returnPath((await searchParams).next) ?? `/${locale}/admin`;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.signIn" });
  return (
    <>
      <h1>{t("title")}</h1>
      <SignInForm next={next} />
    </>
  );
}
