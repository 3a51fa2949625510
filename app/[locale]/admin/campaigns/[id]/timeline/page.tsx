import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { getTimelineForEdit } from "@/lib/timeline/get-timeline";
import { AdminHeader } from "@/components/organizers/admin-header";
import { TimelineEditor } from "@/components/timeline/timeline-editor";

type Params = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = titleFrom("timeline", "admin.title");

export default async function TimelinePage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const [timeline, title, t, tu] = await Promise.all([
    getTimelineForEdit(campaign.id),
    campaignTitle(campaign, locale),
    getTranslations({ locale, namespace: "timeline" }),
    getTranslations({ locale, namespace: "updates.composer" }),
  ]);
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}`}>{tu("back")}</Link>
      </p>
      <p className="eyebrow">{title}</p>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
      <NextIntlClientProvider messages={clientMessages(locale, ["timeline"])}>
        <TimelineEditor
          campaignId={campaign.id}
          entries={timeline.events}
          deadline={timeline.deadline ? timeline.deadline.toISOString().slice(0, 16) : ""}
          canEdit={scope.organizer.role !== "viewer"}
        />
      </NextIntlClientProvider>
    </>
  );
}
