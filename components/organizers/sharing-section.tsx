// The campaign dashboard's part on where supporters come from: counts per `?source=` code, ready links carrying a
// code for the organizers' own channels, and the code to frame the count widget on a partner's site.
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/infra/env";
import { locales, type Locale } from "@/lib/infra/i18n/config";
import { campaignLink } from "@/lib/campaigns/share-links";
import type { CampaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { AdminSection } from "./admin-section";
import { ScrollTable } from "./scroll-table";

type Props = { locale: Locale; slug: string; title: string; perSource: CampaignCounts["perSource"] };

/** Codes worth having from the start; any short code works the same way. */
const exampleCodes = ["newsletter", "social", "partner"];

export async function SharingSection({ locale, slug, title, perSource }: Props) {
  const t = await getTranslations({ locale, namespace: "adminSharing" });
  const widget = new URL(`/embed/${locale}/${slug}`, env.APP_URL).toString();
  const snippet = `<iframe src="${widget}" title="${title.replaceAll('"', "&quot;")}" width="360" height="260" style="border:0" loading="lazy"></iframe>`;
  return (
    <>
      <AdminSection id="source" title={t("perSource")} empty={perSource.length === 0 && t("noSupporters")}>
        <ScrollTable columns={[t("source"), t("signatures"), t("letters")]} testId="per-source">
          {perSource.map((s) => (
            <tr key={s.source ?? ""} data-source={s.source ?? ""}>
              <th scope="row">{s.source ?? t("noSource")}</th>
              <td>{s.signatures}</td>
              <td>{s.letters}</td>
            </tr>
          ))}
        </ScrollTable>
      </AdminSection>
      <AdminSection id="links" title={t("linksTitle")} hint={t("linksHint")}>
        <ul className="source-links">
          {exampleCodes.flatMap((code) =>
            locales.map((l) => (
              <li key={`${code}-${l}`}>
                <code>{campaignLink(env.APP_URL, l, slug, code)}</code>
              </li>
            )),
          )}
        </ul>
        <h3>{t("embedTitle")}</h3>
        <p className="hint">{t("embedHint")}</p>
        <pre className="snippet" data-testid="embed-snippet">
          <code>{snippet}</code>
        </pre>
      </AdminSection>
    </>
  );
}
