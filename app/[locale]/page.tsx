import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { listPublicCampaigns } from "@/lib/campaigns/list-public-campaigns";
import { BarFill } from "@/components/ui/bar-fill";

// Rendered per request: the list is small and must not need a database at build time.
export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("home", "title", {}, { withAppName: true });

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const tr = await getTranslations({ locale, namespace: "campaignReach" });
  const campaigns = await listPublicCampaigns(locale);
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {campaigns.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.slug}>
              <h2>
                <a href={`/${locale}/c/${c.slug}`}>{c.title}</a>
              </h2>
              <p>{c.summary}</p>
              <p className="home-count" data-testid="home-count">
                {tr("count", { count: c.confirmed, goal: c.goal })}
              </p>
              <div className="progress" aria-hidden="true">
                <BarFill
                  className="progress-bar"
                  percent={c.goal > 0 ? Math.min(100, (c.confirmed / c.goal) * 100) : 0}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
