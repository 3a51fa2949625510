// The campaign's tools: duplicate it as a new draft, and export its letters (CSV, and one printable document).
import { getTranslations } from "next-intl/server";
import { AdminSection } from "./admin-section";
import { DuplicateButton } from "./duplicate-button";

export async function CampaignTools({ campaignId, locale }: { campaignId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "campaignTools" });
  const base = `/api/organizer/campaigns/${campaignId}/exports`;
  return (
    <AdminSection id="tools" title={t("title")}>
      <p className="admin-actions">
        <a className="button button-secondary" href={`${base}/letters`} download>
          {t("exportLetters")}
        </a>
        <a className="button button-secondary" href={`${base}/letters-print`} download>
          {t("printLetters")}
        </a>
      </p>
      <p className="hint">{t("lettersNote")}</p>
      <p className="admin-actions">
        <DuplicateButton campaignId={campaignId} locale={locale} label={t("duplicate")} />
      </p>
      <p className="hint">{t("duplicateHint")}</p>
    </AdminSection>
  );
}
