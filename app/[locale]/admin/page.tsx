import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { listCampaigns } from "@/lib/organizers/campaigns/list-campaigns";
import { pageScope } from "@/lib/organizers/page-organizer";
import { AdminHeader } from "@/components/organizers/admin-header";
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
  const campaigns = await listCampaigns(scope, locale);
  const counts = (record: Record<string, number>, ns: "letterStatus" | "deliveryStatus") => {
    const entries = Object.entries(record);
    return entries.length ? entries.map(([k, n]) => `${t(`${ns}.${k}` as never)}: ${n}`).join(", ") : t("list.none");
  };
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("title")}</h1>
      {campaigns.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
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
              <td data-testid="confirmed">{c.signatures.confirmed}</td>
              <td>{c.signatures.pending}</td>
              <td data-testid="suspected">
                <Link href={`/${locale}/admin/campaigns/${c.id}/signals`}>
                  {c.signatures.suspected} / {c.signatures.invalidated}
                </Link>
              </td>
              <td>{counts(c.letters, "letterStatus")}</td>
              <td>{counts(c.deliveries, "deliveryStatus")}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {scope.organizer.role === "owner" && <InviteForm />}
    </>
  );
}
