import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { listMailings } from "@/lib/updates/list-mailings";
import { AdminHeader } from "@/components/organizers/admin-header";
import { UpdateComposer } from "@/components/updates/update-composer";

type Params = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = titleFrom("updates", "composer.title");

export default async function UpdatesPage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const { campaign, recipients, mailings } = await orNotFound(listMailings(scope, id));
  const t = await getTranslations({ locale, namespace: "updates.composer" });
  const tl = await getTranslations({ locale, namespace: "timeline" });
  const title = await campaignTitle(campaign, locale);
  const date = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}`}>{t("back")}</Link>
      </p>
      <p className="eyebrow">{title}</p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p data-testid="update-recipients">{t("recipients", { count: recipients })}</p>
      {scope.organizer.role === "viewer" ? (
        <p>{t("viewerNote")}</p>
      ) : (
        <NextIntlClientProvider messages={clientMessages(locale, ["updates"])}>
          <UpdateComposer campaignId={campaign.id} />
        </NextIntlClientProvider>
      )}
      <section aria-labelledby="history-heading" className="admin-section">
        <h2 id="history-heading">{t("history")}</h2>
        {mailings.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul data-testid="update-history">
            {mailings.map((m) => (
              <li key={m.id}>
                {date(m.createdAt)} ·{" "}
                {m.kind === "milestone"
                  ? t("milestone", { name: m.milestone === "delivered" ? tl("kinds.delivered") : `${m.milestone}%` })
                  : m.subject}{" "}
                · {m.enqueuedAt ? t("queued", { count: m.queued }) : t("enumerating")} ·{" "}
                {t("sentCount", { count: m.sent })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
