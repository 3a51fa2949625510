import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { now } from "@/lib/infra/clock";
import type { Locale } from "@/lib/infra/i18n/config";
import { timeZoneOf } from "@/lib/infra/i18n/format-moment";
import { challengeStatus } from "@/lib/integrity/challenge-status";
import { dashboardFigures } from "@/lib/organizers/campaigns/dashboard-figures";
import { listCampaigns } from "@/lib/organizers/campaigns/list-campaigns";
import { needsAttention } from "@/lib/organizers/campaigns/needs-attention";
import { countPendingReasons } from "@/lib/signer-wall/count-pending-reasons";
import { pageScope } from "@/lib/organizers/page-organizer";
import { AdminHeader } from "@/components/organizers/admin-header";
import { AttentionStrip } from "@/components/organizers/dashboard/attention-strip";
import { AutoRefresh } from "@/components/organizers/dashboard/auto-refresh";
import { CampaignFigures } from "@/components/organizers/dashboard/campaign-figures";
import { InviteForm } from "@/components/organizers/invite-form";
import { ScrollTable } from "@/components/organizers/scroll-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin" }))("title") };
}

export default async function AdminPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const t = await getTranslations({ locale, namespace: "admin" });
  const at = now();
  const [campaigns, figures, reasons] = await Promise.all([
    listCampaigns(scope, locale),
    dashboardFigures(scope, { at, timeZone: timeZoneOf(locale) }),
    countPendingReasons(scope),
  ]);
  const challenge = await challengeStatus(
    campaigns.map((c) => c.slug),
    at,
  );
  const number = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US");
  const counts = (record: Record<string, number>, ns: "letterStatus" | "deliveryStatus") => {
    const entries = Object.entries(record);
    return entries.length
      ? entries.map(([k, n]) => `${t(`${ns}.${k}` as never)}: ${number.format(n)}`).join(", ")
      : t("list.none");
  };
  const attention = campaigns.flatMap((c) =>
    needsAttention(c, challenge.get(c.slug) ?? null, at, reasons.get(c.id)).map((a) => ({ campaign: c, attention: a })),
  );
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("title")}</h1>
      <AutoRefresh seconds={30} />
      <p className="hint">{t("dashboard.autoRefresh")}</p>
      {campaigns.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <>
          <AttentionStrip locale={locale} items={attention} />
          <ScrollTable
            testId="campaign-list"
            columns={[
              t("list.campaign"),
              t("list.status"),
              t("list.confirmed"),
              t("list.pending"),
              t("list.suspected"),
              t("list.letters"),
              t("list.deliveries"),
            ]}
          >
            {campaigns.map((c) => (
              <tr key={c.id} data-slug={c.slug}>
                <th scope="row">
                  <Link href={`/${locale}/admin/campaigns/${c.id}`}>{c.title}</Link>
                </th>
                <td>{t(`status.${c.status}`)}</td>
                <td data-testid="confirmed">{number.format(c.signatures.confirmed)}</td>
                <td>{number.format(c.signatures.pending)}</td>
                <td data-testid="suspected">
                  <Link href={`/${locale}/admin/campaigns/${c.id}/signals`}>
                    {number.format(c.signatures.suspected)} / {number.format(c.signatures.invalidated)}
                  </Link>
                </td>
                <td>{counts(c.letters, "letterStatus")}</td>
                <td>{counts(c.deliveries, "deliveryStatus")}</td>
              </tr>
            ))}
          </ScrollTable>
          {campaigns.map((c) => {
            const f = figures.get(c.id);
            return f ? <CampaignFigures key={c.id} locale={locale} campaign={c} figures={f} /> : null;
          })}
        </>
      )}
      {scope.organizer.role === "owner" && <InviteForm />}
    </>
  );
}
