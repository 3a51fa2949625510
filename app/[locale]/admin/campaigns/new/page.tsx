import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { pageScope } from "@/lib/organizers/page-organizer";
import { AdminHeader } from "@/components/organizers/admin-header";
import { CampaignForm, emptyCampaign } from "@/components/organizers/campaign-form";

export const generateMetadata = titleFrom("admin.form", "newTitle");

export default async function NewCampaignPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const t = await getTranslations({ locale, namespace: "admin.form" });
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("newTitle")}</h1>
      {scope.organizer.role === "viewer" ? (
        <p className="notice">{t("viewerCannotCreate")}</p>
      ) : (
        <CampaignForm initial={emptyCampaign} />
      )}
    </>
  );
}
