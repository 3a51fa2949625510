import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/infra/env";
import { placeNames } from "@/lib/infra/geo/place-names";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { listDeliveries } from "@/lib/delivery/list-deliveries";
import { listHeldLetters } from "@/lib/integrity/moderation/list-held-letters";
import { campaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { AdminHeader } from "@/components/organizers/admin-header";
import { AdminSection } from "@/components/organizers/admin-section";
import { BundlesSection } from "@/components/organizers/bundles-section";
import { ScrollTable } from "@/components/organizers/scroll-table";
import { ApiButton } from "@/components/organizers/api-button";
import { EmbedSection } from "@/components/organizers/embed-section";
import { SignaturesChart } from "@/components/organizers/signatures-chart";
import { SharingSection } from "@/components/organizers/sharing-section";
import { BarFill } from "@/components/ui/bar-fill";
import { ReasonQueue } from "@/components/signer-wall/reason-queue";
import { CampaignTools } from "@/components/organizers/campaign-tools";
import { ClosedNote, DecisionDone, DecisionsSection } from "@/components/organizers/decisions-section";
import { listDecisions } from "@/lib/organizers/list-decisions";
import { confirmPath } from "@/lib/organizers/decision-kinds";
import { DeliveryHistory } from "@/components/delivery/delivery-history";

type Params = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ done?: string }>;
};

export const generateMetadata = titleFrom("admin.campaign", "pageTitle");

export default async function CampaignAdminPage({ params, searchParams }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const t = await getTranslations({ locale, namespace: "admin" });
  const tu = await getTranslations({ locale, namespace: "updates" });
  const [counts, deliveries, held, title, decisions] = await Promise.all([
    campaignCounts(campaign, locale),
    listDeliveries(campaign.id, { take: 100 }),
    listHeldLetters(scope, campaign.id),
    campaignTitle(campaign, locale),
    listDecisions(scope, campaign.id),
  ]);
  const confirmed = counts.totals.confirmedSignatures;
  const percent = Math.min(100, Math.round((confirmed / Math.max(1, campaign.goal)) * 100));
  const places = placeNames(locale);
  const number = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US");
  const canEdit = scope.organizer.role !== "viewer";
  const base = `/api/organizer/campaigns/${campaign.id}`;

  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p className="eyebrow">{t(`status.${campaign.status}`)}</p>
      <h1>{title}</h1>
      <DecisionDone done={(await searchParams).done} locale={locale} />
      {campaign.status === "closed" && <ClosedNote decisions={decisions} locale={locale} />}
      <div className="admin-actions">
        {campaign.status !== "draft" && <Link href={`/${locale}/c/${campaign.slug}`}>{t("campaign.preview")}</Link>}
        <Link href={`/${locale}/admin/campaigns/${campaign.id}/preview`}>{t("campaign.previewTexts")}</Link>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}/signals`}>{t("campaign.signals")}</Link>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}/delivery`}>{t("campaign.delivery")}</Link>
        {canEdit && <Link href={`/${locale}/admin/campaigns/${campaign.id}/edit`}>{t("campaign.edit")}</Link>}
        {canEdit && <Link href={`/${locale}/admin/campaigns/${campaign.id}/signers`}>{t("campaign.findSigner")}</Link>}
        <Link href={`/${locale}/admin/campaigns/${campaign.id}/updates`}>{tu("composer.link")}</Link>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}/timeline`}>{tu("composer.timelineLink")}</Link>
        {canEdit && campaign.status !== "open" && <ApiButton url={`${base}/open`} label={t("campaign.open")} />}
        {canEdit && campaign.status === "open" && (
          <Link className="button button-danger" href={confirmPath(locale, campaign.id, "close")}>
            {t("campaign.close")}
          </Link>
        )}
      </div>

      <section aria-labelledby="goal-heading" className="admin-section">
        <h2 id="goal-heading" className="visually-hidden">
          {t("campaign.goal", { count: confirmed, goal: campaign.goal, percent })}
        </h2>
        <p data-testid="goal">{t("campaign.goal", { count: confirmed, goal: campaign.goal, percent })}</p>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={campaign.goal}
          aria-valuenow={confirmed}
          aria-label={t("campaign.goal", { count: confirmed, goal: campaign.goal, percent })}
        >
          <BarFill className="progress-bar" percent={percent} />
        </div>
        <p data-testid="not-counted">
          {t("campaign.notCounted", {
            suspected: counts.totals.suspectedSignatures,
            invalidated: counts.totals.invalidatedSignatures,
          })}{" "}
          <Link href={`/${locale}/admin/campaigns/${campaign.id}/signals`}>{t("campaign.signals")}</Link>
        </p>
        <p className="muted">
          {t("list.pending")}: {number.format(counts.totals.pendingSignatures)} ·{" "}
          {Object.entries(counts.totals.letters)
            .map(([k, n]) => `${t(`letterStatus.${k}` as never)}: ${number.format(n)}`)
            .join(", ") || t("list.none")}
        </p>
      </section>

      <section aria-labelledby="exports-heading" className="admin-section">
        <h2 id="exports-heading" className="visually-hidden">
          CSV
        </h2>
        <p className="admin-actions">
          {canEdit && (
            <a className="button button-secondary" href={`${base}/exports/signers`} download>
              {t("campaign.exportSigners")}
            </a>
          )}
          <a className="button button-secondary" href={`${base}/exports/counts`} download>
            {t("campaign.exportCounts")}
          </a>
        </p>
        <p className="hint">{t("campaign.exportNote")}</p>
      </section>

      <EmbedSection appUrl={env.APP_URL} slug={campaign.slug} locale={locale} />

      {canEdit && <CampaignTools campaignId={campaign.id} locale={locale} />}

      <BundlesSection campaignId={campaign.id} locale={locale} canEdit={canEdit} />

      <AdminSection id="per-day" title={t("campaign.perDay")}>
        <SignaturesChart
          data={counts.perDay}
          title={t("campaign.perDay")}
          tableLabel={t("campaign.perDayTable")}
          dayLabel={t("campaign.day")}
          countLabel={t("campaign.signatures")}
          empty={t("campaign.noSignatures")}
        />
      </AdminSection>

      <div className="admin-columns">
        <AdminSection id="country" title={t("campaign.perCountry")}>
          <ScrollTable columns={[t("campaign.country"), t("campaign.signatures")]}>
            {counts.perCountry.map((c) => (
              <tr key={c.country}>
                <th scope="row">{places.country(c.country)}</th>
                <td>{number.format(c.signatures)}</td>
              </tr>
            ))}
          </ScrollTable>
        </AdminSection>
        <AdminSection id="region" title={t("campaign.perRegion")}>
          <ScrollTable columns={[t("campaign.region"), t("campaign.signatures")]}>
            {counts.perRegion.map((r) => (
              <tr key={`${r.country}-${r.region}`}>
                <th scope="row">{places.region(r.country, r.region)}</th>
                <td>{number.format(r.signatures)}</td>
              </tr>
            ))}
          </ScrollTable>
        </AdminSection>
        <AdminSection id="topic" title={t("campaign.perTopic")}>
          <ScrollTable columns={[t("campaign.topic"), t("campaign.letters")]}>
            {counts.perTopic.map((x) => (
              <tr key={x.key}>
                <th scope="row">{x.title}</th>
                <td>{number.format(x.letters)}</td>
              </tr>
            ))}
          </ScrollTable>
        </AdminSection>
      </div>

      <SharingSection locale={locale} slug={campaign.slug} title={title} perSource={counts.perSource} />

      <AdminSection id="held" title={t("campaign.held")} empty={held.length === 0 && t("campaign.noHeld")}>
        <ul className="held-list">
          {held.map((l) => (
            <li key={l.id} className="letter-preview">
              <p>
                <strong>{l.subject}</strong> · {places.country(l.country)} ·{" "}
                {l.heldReason ? t(`campaign.heldReason.${l.heldReason}` as never) : ""}
              </p>
              <p className="letter-text" lang={l.language}>
                {l.body}
              </p>
              {canEdit && (
                <p className="admin-actions">
                  <Link className="button" href={confirmPath(locale, campaign.id, "release", l.id)}>
                    {t("campaign.release")}
                  </Link>
                  <Link className="button button-danger" href={confirmPath(locale, campaign.id, "reject", l.id)}>
                    {t("campaign.reject")}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      </AdminSection>

      <ReasonQueue scope={scope} campaignId={campaign.id} locale={locale} />
      <DecisionsSection decisions={decisions} locale={locale} />

      <DeliveryHistory deliveries={deliveries} locale={locale} base={`${base}/deliveries`} canEdit={canEdit} />
    </>
  );
}
