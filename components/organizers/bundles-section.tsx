import { getFormatter, getTranslations } from "next-intl/server";
import { listBundles } from "@/lib/delivery/bundle/list-bundles";
import type { Locale } from "@/lib/infra/i18n/config";
import { AdminSection } from "./admin-section";
import { ApiButton } from "./api-button";

/** The campaign page's signed delivery bundles: make one now (editors), download the files, where to verify. */
export async function BundlesSection({
  campaignId,
  locale,
  canEdit,
}: {
  campaignId: string;
  locale: Locale;
  canEdit: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "bundles" });
  const format = await getFormatter({ locale });
  const bundles = await listBundles(campaignId);
  const base = `/api/organizer/campaigns/${campaignId}/bundles`;
  return (
    <AdminSection id="bundles" title={t("title")}>
      <p className="hint">{t("intro")}</p>
      {canEdit && <ApiButton url={base} label={t("make")} />}
      {bundles.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="bundles" aria-label={t("table")} data-testid="bundles">
          {bundles.map((b) => (
            <li key={b.id}>
              <strong>{format.dateTime(b.createdAt, { dateStyle: "medium", timeStyle: "short" })}</strong> ·{" "}
              {t("counts", { signatures: format.number(b.signatures), letters: format.number(b.letters) })}
              <br />
              {t("files")}:{" "}
              {b.files.map((f, i) => (
                <span key={f.name}>
                  {i > 0 && " · "}
                  <a href={`${base}/${b.id}/files/${f.name}`} download>
                    {f.name}
                  </a>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        <a href={`/${locale}/verify`}>{t("verifyLink")}</a>
      </p>
    </AdminSection>
  );
}
