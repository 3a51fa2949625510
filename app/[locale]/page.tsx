import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { listPublicCampaigns } from "@/lib/campaigns/list-public-campaigns";

// Rendered per request: the list is small and must not need a database at build time.
export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("home", "title", {}, { withAppName: true });

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
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
                <Link href={`/${locale}/c/${c.slug}`}>{c.title}</Link>
              </h2>
              <p>{c.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
