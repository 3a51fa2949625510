import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { deliveryPlan } from "@/lib/delivery/delivery-plan";
import { listDeliveries } from "@/lib/delivery/list-deliveries";
import { previewNextDeliveries } from "@/lib/delivery/preview-next-delivery";
import { previewsForRole } from "@/lib/delivery/preview-for-role";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { AdminHeader } from "@/components/organizers/admin-header";
import { DeliveryPlanSection } from "@/components/delivery/delivery-plan-section";
import { DeliveryPreviewSection } from "@/components/delivery/delivery-preview-section";
import { DeliveryHistory } from "@/components/delivery/delivery-history";

type Params = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = titleFrom("deliveryPanel", "pageTitle");

export default async function DeliveryPage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const t = await getTranslations({ locale, namespace: "deliveryPanel" });
  const [plan, next, deliveries, title] = await Promise.all([
    deliveryPlan(campaign.id),
    previewNextDeliveries(campaign.id),
    listDeliveries(campaign.id, { take: 100 }),
    campaignTitle(campaign, locale),
  ]);
  const canEdit = scope.organizer.role !== "viewer";
  const base = `/api/organizer/campaigns/${campaign.id}/deliveries`;
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p className="eyebrow">{title}</p>
      <h1>{t("title")}</h1>
      <p>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}`}>{t("back")}</Link>
      </p>
      <DeliveryPlanSection plan={plan} locale={locale} />
      <DeliveryPreviewSection
        next={previewsForRole(next, scope.organizer.role)}
        locale={locale}
        testUrl={`${base}/test`}
        organizerEmail={scope.organizer.email}
        canEdit={canEdit}
      />
      <DeliveryHistory deliveries={deliveries} locale={locale} base={base} canEdit={canEdit} />
    </>
  );
}
