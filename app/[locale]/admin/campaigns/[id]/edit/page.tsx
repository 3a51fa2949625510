import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { getCampaignForEdit } from "@/lib/organizers/campaigns/get-campaign-for-edit";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { AdminHeader } from "@/components/organizers/admin-header";
import { CampaignForm } from "@/components/organizers/campaign-form";
import { CampaignSettings } from "@/components/organizers/campaign-settings";

export const generateMetadata = titleFrom("admin.form", "editTitle");

export default async function EditCampaignPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(getCampaignForEdit(scope, id));
  const t = await getTranslations({ locale, namespace: "admin.form" });
  const td = await getTranslations({ locale, namespace: "decisions" });
  const slug = campaign.input.slug;
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("editTitle")}</h1>
      {scope.organizer.role === "viewer" ? (
        <CampaignSettings locale={locale} id={campaign.id} input={campaign.input} />
      ) : (
        <CampaignForm
          initial={campaign.input}
          campaignId={campaign.id}
          slugChange={campaign.status === "draft" ? undefined : { from: slug, label: td("slugChange", { old: slug }) }}
        />
      )}
    </>
  );
}
