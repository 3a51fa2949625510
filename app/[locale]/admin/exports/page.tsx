import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
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
  // What was exported, in words: the kind, then what it included.
  const describe = (kind: string, options: unknown) => {
    const o = (options ?? {}) as Record<string, unknown>;
    const parts = [kind === "signers" || kind === "counts" ? t(`kinds.${kind}`) : kind];
    if (o.includeLetters === true) parts.push(t("withLetters"));
    if (o.includeAddresses === true) parts.push(t("withAddresses"));
    if (typeof o.file === "string") parts.push(t("fromBundle", { file: o.file }));
    return parts.join(", ");
  };
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
              <th scope="row">{formatMoment(r.createdAt, locale)}</th>
              <td>{r.user?.email ?? "—"}</td>
              <td>{describe(r.kind, r.options)}</td>
              <td>{r.campaign?.slug ?? "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  );
}
