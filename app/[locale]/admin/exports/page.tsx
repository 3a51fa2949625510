import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { listExports } from "@/lib/exports/list-exports";
import { pageScope } from "@/lib/organizers/page-organizer";
import { AdminHeader } from "@/components/organizers/admin-header";
import { ScrollTable } from "@/components/organizers/scroll-table";

export const generateMetadata = titleFrom("admin.exports", "title");

export default async function ExportLogPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const t = await getTranslations({ locale, namespace: "admin.exports" });
  if (scope.organizer.role !== "owner") {
    return (
      <>
        <AdminHeader scope={scope} locale={locale} />
        <h1>{t("title")}</h1>
        <p>{t("ownersOnly")}</p>
      </>
    );
  }
  const rows = await listExports(scope);
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("title")}</h1>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ScrollTable columns={[t("when"), t("who"), t("what"), t("campaign")]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</th>
              <td>{r.user?.email ?? "—"}</td>
              <td>
                {r.kind} {JSON.stringify(r.options) !== "{}" ? JSON.stringify(r.options) : ""}
              </td>
              <td>{r.campaign?.slug ?? "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  );
}
