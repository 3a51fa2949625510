import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { pageScope } from "@/lib/organizer/page-organizer";
import { AdminHeader } from "@/components/admin/admin-header";
import { CampaignForm, emptyCampaign } from "@/components/admin/campaign-form";

export default async function NewCampaignPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const t = await getTranslations({ locale, namespace: "admin.form" });
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("newTitle")}</h1>
      <CampaignForm initial={emptyCampaign} />
    </>
  );
}
