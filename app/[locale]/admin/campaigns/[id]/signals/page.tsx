import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { listAbuseActions } from "@/lib/integrity/signals/list-abuse-actions";
import {
  listSignals,
  listSuspectedSignatures,
  networkLabel,
  type StatusCounts,
} from "@/lib/integrity/signals/list-signals";
import { campaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { AdminHeader } from "@/components/organizers/admin-header";
import { AdminSection } from "@/components/organizers/admin-section";
import { ScrollTable } from "@/components/organizers/scroll-table";
import { ApiButton } from "@/components/organizers/api-button";
import { confirmPath } from "@/lib/organizers/decision-kinds";
import { InvalidationPanel } from "@/components/organizers/invalidation-panel";

type Params = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Params) {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin.signals" }))("title") };
}

export default async function SignalsPage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const t = await getTranslations({ locale, namespace: "admin.signals" });
  const [signals, suspects, actions, counts, title] = await Promise.all([
    listSignals(scope, campaign.id),
    listSuspectedSignatures(scope, campaign.id),
    listAbuseActions(scope, campaign.id),
    campaignCounts(campaign, locale),
    campaignTitle(campaign, locale),
  ]);
  const canEdit = scope.organizer.role !== "viewer";
  const date = (d: Date | string | null | undefined) =>
    d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) : "—";
  const span = (first: Date | null, last: Date | null) => `${date(first)} – ${date(last)}`;
  // Every reason in words: the codes (no_token, too_fast...) mean nothing to an organizer.
  const reason = (r: string) =>
    t.has(`reasons.${r}` as never) && r !== "unknown"
      ? t(`reasons.${r}` as never)
      : t("reasons.unknown", { reason: r });
  // A group with nothing left to strike out (all struck out already) offers no Review.
  const live = (c: StatusCounts) => c.total - c.invalidated > 0;
  const statusColumns = [t("signatures"), t("confirmed"), t("pending"), t("suspectedCount"), t("invalidated")];
  // Counts grouped as the reader's language writes them (1,234).
  const count = (n: number) => new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US").format(n);
  const statusCells = (c: StatusCounts) => (
    <>
      <td>{count(c.total)}</td>
      <td>{count(c.confirmed)}</td>
      <td>{count(c.pending)}</td>
      <td>{count(c.suspected)}</td>
      <td>{count(c.invalidated)}</td>
    </>
  );
  const describeCriteria = (criteria: Record<string, string>) =>
    Object.entries(criteria)
      .map(([k, v]) => {
        if (k === "network") return t("criteria.network", { label: networkLabel(v) });
        if (k === "domain") return t("criteria.domain", { domain: v });
        if (k === "reason") return t("criteria.reason", { reason: reason(v) });
        if (k === "from" || k === "to") return t(`criteria.${k}`, { date: date(v) });
        if (k === "fingerprint") return t("criteria.fingerprint");
        return "";
      })
      .filter(Boolean)
      .join(", ");

  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}`}>{t("back")}</Link>
      </p>
      <p className="eyebrow">{title}</p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p data-testid="signals-summary">
        {t("summary", {
          confirmed: counts.totals.confirmedSignatures,
          pending: counts.totals.pendingSignatures,
          suspected: counts.totals.suspectedSignatures,
          invalidated: counts.totals.invalidatedSignatures,
        })}
      </p>
      {!canEdit && <p className="hint">{t("viewerNote")}</p>}

      <AdminSection
        id="networks"
        title={t("networks")}
        hint={t("networksHint", { min: signals.thresholds.network })}
        empty={signals.networks.length === 0 && t("none")}
      >
        <ScrollTable
          testId="signals-networks"
          columns={[t("network"), ...statusColumns, t("span"), canEdit && t("action")]}
        >
          {signals.networks.map((n) => (
            <tr key={n.network}>
              <th scope="row">
                <code>{n.label}</code>
              </th>
              {statusCells(n)}
              <td>{span(n.first, n.last)}</td>
              {canEdit && (
                <td>
                  <InvalidationPanel
                    campaignId={campaign.id}
                    criteria={{ network: n.network }}
                    what={t("criteria.network", { label: n.label })}
                    live={live(n)}
                  />
                </td>
              )}
            </tr>
          ))}
        </ScrollTable>
      </AdminSection>

      <AdminSection
        id="domains"
        title={t("domains")}
        hint={t("domainsHint")}
        empty={signals.disposableDomains.length === 0 && t("none")}
      >
        <ScrollTable
          testId="signals-domains"
          columns={[t("domain"), ...statusColumns, t("span"), canEdit && t("action")]}
        >
          {signals.disposableDomains.map((d) => (
            <tr key={d.domain}>
              <th scope="row">{d.domain}</th>
              {statusCells(d)}
              <td>{span(d.first, d.last)}</td>
              {canEdit && (
                <td>
                  <InvalidationPanel
                    campaignId={campaign.id}
                    criteria={{ domain: d.domain }}
                    what={t("criteria.domain", { domain: d.domain })}
                    live={live(d)}
                  />
                </td>
              )}
            </tr>
          ))}
        </ScrollTable>
      </AdminSection>

      <AdminSection
        id="suspected"
        title={t("suspected")}
        hint={t("suspectedHint")}
        empty={signals.suspected.length === 0 && t("none")}
      >
        <ScrollTable
          testId="signals-suspected"
          columns={[
            t("reason"),
            `${t("suspectedCount")} (${t("signatures")})`,
            `${t("suspectedCount")} (${t("letters")})`,
            t("invalidated"),
            t("span"),
            canEdit && t("action"),
          ]}
        >
          {signals.suspected.map((s) => (
            <tr key={s.reason}>
              <th scope="row">{reason(s.reason)}</th>
              <td>{count(s.signatures)}</td>
              <td>{count(s.letters)}</td>
              <td>{count(s.invalidated)}</td>
              <td>{span(s.first, s.last)}</td>
              {canEdit && (
                <td>
                  <InvalidationPanel
                    campaignId={campaign.id}
                    criteria={{ reason: s.reason }}
                    what={t("criteria.reason", { reason: reason(s.reason) })}
                    live={s.signatures > 0}
                  />
                </td>
              )}
            </tr>
          ))}
        </ScrollTable>
      </AdminSection>

      {suspects.length > 0 && (
        <details className="admin-section" data-testid="suspected-list">
          <summary>{t("lookAt", { count: suspects.length })}</summary>
          <p className="hint">{t("lookAtHint")}</p>
          <ul className="held-list">
            {suspects.map((s) => (
              <li key={s.id} className="letter-preview">
                <p>
                  <strong>{s.name}</strong> · {s.email} · {s.region ? `${s.region}, ` : ""}
                  {s.country} · {date(s.createdAt)}
                </p>
                <p className="muted">{reason(s.reason)}</p>
                {s.comment && <p className="letter-text">{s.comment}</p>}
                {canEdit && (
                  <p className="admin-actions">
                    <Link
                      className="button button-secondary"
                      href={confirmPath(locale, campaign.id, "releaseSignature", s.id)}
                    >
                      {t("release")}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}

      <AdminSection
        id="bursts"
        title={t("bursts")}
        hint={t("burstsHint", { min: signals.thresholds.burstPerMinute })}
        empty={signals.bursts.length === 0 && t("none")}
      >
        <ScrollTable testId="signals-bursts" columns={[t("minute"), ...statusColumns, canEdit && t("action")]}>
          {signals.bursts.map((b) => {
            const from = new Date(b.minute);
            const to = new Date(from.getTime() + 60_000);
            return (
              <tr key={from.toISOString()}>
                <th scope="row">{date(from)}</th>
                {statusCells(b)}
                {canEdit && (
                  <td>
                    <InvalidationPanel
                      campaignId={campaign.id}
                      criteria={{ from: from.toISOString(), to: to.toISOString() }}
                      what={date(from)}
                      live={live(b)}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </ScrollTable>
      </AdminSection>

      <AdminSection
        id="near-copies"
        title={t("nearCopies")}
        hint={t("nearCopiesHint", { min: signals.thresholds.nearCopies })}
        empty={signals.nearCopies.length === 0 && t("none")}
      >
        <ul className="held-list" data-testid="signals-near-copies">
          {signals.nearCopies.map((g) => {
            const undelivered = (g.byStatus.held ?? 0) + (g.byStatus.confirmed ?? 0);
            return (
              <li key={g.fingerprint} className="letter-preview">
                <p>
                  <strong>{g.subject}</strong> · {t("letters")}: {count(g.letters)} · {span(g.first, g.last)}
                </p>
                <p className="letter-text">{g.excerpt}</p>
                <p className="muted">
                  {t("byStatus")}:{" "}
                  {Object.entries(g.byStatus)
                    .map(([k, n]) => `${k}: ${n}`)
                    .join(", ")}
                </p>
                {canEdit && undelivered > 0 && (
                  <p className="admin-actions">
                    <ApiButton
                      url={`/api/organizer/campaigns/${campaign.id}/near-copies/reject`}
                      body={{ fingerprint: g.fingerprint }}
                      label={t("rejectGroup")}
                      danger
                    />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </AdminSection>

      <AdminSection id="log" title={t("log")} empty={actions.length === 0 && t("logEmpty")}>
        <ScrollTable
          testId="signals-log"
          columns={[t("when"), t("who"), t("what"), t("affected"), t("uncounted"), t("action")]}
        >
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{date(a.createdAt)}</th>
              <td>{a.user?.email ?? "—"}</td>
              <td>
                {t.has(`kinds.${a.kind}` as never) ? t(`kinds.${a.kind}` as never) : a.kind}:{" "}
                {describeCriteria(a.criteria as Record<string, string>)}
              </td>
              <td>{a.affected}</td>
              <td>{a.uncounted}</td>
              <td>
                {a.restoredAt
                  ? t("restored", { date: date(a.restoredAt), restored: a.restored ?? 0, recounted: a.recounted ?? 0 })
                  : canEdit &&
                    a.kind === "invalidate_signatures" && (
                      <ApiButton url={`/api/organizer/invalidations/${a.id}/restore`} label={t("restore")} secondary />
                    )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </AdminSection>
    </>
  );
}
