import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { SignInForm } from "@/components/organizers/sign-in-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin.signIn" }))("title") };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.signIn" });
  return (
    <>
      <h1>{t("title")}</h1>
      <SignInForm locale={locale} />
    </>
  );
}
