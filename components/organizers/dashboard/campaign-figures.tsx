// One campaign on the dashboard: progress to its goal, two weeks of signatures, letters against signatures, and
// where its supporters are and came from, with places named in the reader's language.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { placeNames } from "@/lib/infra/geo/place-names";
import type { CampaignSummary } from "@/lib/organizers/campaigns/list-campaigns";
import type { CampaignFigures as Figures } from "@/lib/organizers/campaigns/dashboard-figures";
import { BarFill } from "@/components/ui/bar-fill";
import { ScrollTable } from "../scroll-table";
import { TrendBars } from "./trend-bars";

/** How many countries, regions and sources each list shows; the campaign's page has them all. */
const topRows = 5;

type Props = { locale: Locale; campaign: CampaignSummary; figures: Figures };

export async function CampaignFigures({ locale, campaign, figures }: Props) {
  const t = await getTranslations({ locale, namespace: "admin.dashboard" });
  const ts = await getTranslations({ locale, namespace: "admin.status" });
  const number = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US");
  const format = (n: number) => number.format(n);
  const dayFormat = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const day = (d: string) => dayFormat.format(new Date(`${d}T00:00:00Z`));
  const places = placeNames(locale);
  const href = `/${locale}/admin/campaigns/${campaign.id}`;
  const confirmed = campaign.signatures.confirmed;
  const percent = Math.min(100, Math.round((confirmed / Math.max(1, campaign.goal)) * 100));
  const progress = t("progress", { count: confirmed, goal: campaign.goal, percent });
  const total = figures.trend.reduce((sum, d) => sum + d.signatures, 0);
  const busiest = figures.trend.reduce((best, d) => (d.signatures > best.signatures ? d : best), figures.trend[0]!);
  const summary =
    total === 0 ? t("trendSummaryNone") : t("trendSummary", { total, day: day(busiest.day), most: busiest.signatures });
  const id = `campaign-${campaign.id}`;

  const top = <T,>(title: string, columns: string[], rows: T[], row: (r: T, i: number) => React.ReactNode) => (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <>
          <ScrollTable columns={columns}>{rows.slice(0, topRows).map(row)}</ScrollTable>
          {rows.length > topRows && (
            <p className="hint">
              <Link href={href}>{t("more", { count: rows.length - topRows })}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section dashboard-campaign" data-slug={campaign.slug}>
      <p className="eyebrow">{ts(campaign.status)}</p>
      <h2 id={`${id}-heading`}>
        <Link href={href}>{campaign.title}</Link>
      </h2>
      <p data-testid="progress">{progress}</p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={campaign.goal}
        aria-valuenow={confirmed}
        aria-label={progress}
      >
        <BarFill className="progress-bar" percent={percent} />
      </div>
      <p data-testid="letters-vs-signatures">
        {t("lettersVsSignatures", { letters: figures.letters, signatures: confirmed })}
      </p>
      <h3>{t("trend")}</h3>
      <TrendBars
        days={figures.trend}
        summary={summary}
        tableLabel={t("trendTable")}
        dayLabel={t("day")}
        countLabel={t("signatures")}
        formatDay={day}
        formatNumber={format}
      />
      <div className="admin-columns">
        {top(t("perCountry"), [t("country"), t("signatures")], figures.perCountry, (c) => (
          <tr key={c.country}>
            <th scope="row">{places.country(c.country)}</th>
            <td>{format(c.signatures)}</td>
          </tr>
        ))}
        {top(t("perRegion"), [t("region"), t("signatures")], figures.perRegion, (r) => (
          <tr key={`${r.country}-${r.region}`}>
            <th scope="row">{places.region(r.country, r.region)}</th>
            <td>{format(r.signatures)}</td>
          </tr>
        ))}
        {top(t("perSource"), [t("source"), t("signatures"), t("letters")], figures.perSource, (s) => (
          <tr key={s.source ?? ""}>
            <th scope="row">{s.source === null ? t("noSource") : <code>{s.source}</code>}</th>
            <td>{format(s.signatures)}</td>
            <td>{format(s.letters)}</td>
          </tr>
        ))}
      </div>
    </section>
  );
}
