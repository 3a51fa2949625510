import { getTranslations } from "next-intl/server";
import { embedSizes, embedSnippet } from "@/lib/campaigns/embed-sizes";
import { locales } from "@/lib/infra/i18n/config";
import { AdminSection } from "./admin-section";
import { CopyButton } from "./copy-button";

/** The count widget's code for the organizer's own site, one per language, with the frame sizes it is made for. */
export async function EmbedSection({ appUrl, slug, locale }: { appUrl: string; slug: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "admin.embed" });
  const tools = await getTranslations({ locale, namespace: "campaignTools" });
  const { compact, full } = embedSizes;
  // Each snippet's frame is named in the widget's own language.
  const frameTitles = Object.fromEntries(
    await Promise.all(
      locales.map(async (lang) => [
        lang,
        (await getTranslations({ locale: lang, namespace: "admin.embed" }))("frameTitle"),
      ]),
    ),
  );
  return (
    <AdminSection
      id="embed"
      title={t("title")}
      hint={t("hint", {
        compactWidth: compact.width,
        compactHeight: compact.height,
        fullWidth: full.width,
        fullHeight: full.height,
      })}
    >
      {locales.map((lang) => (
        <div key={lang} className="field">
          <h3 className="snippet-label">{t(`language.${lang}`)}</h3>
          <pre className="snippet" data-testid={`embed-snippet-${lang}`}>
            <code>{embedSnippet(appUrl, lang, slug, frameTitles[lang]!)}</code>
          </pre>
          <CopyButton
            text={embedSnippet(appUrl, lang, slug, frameTitles[lang]!)}
            label={`${tools("copy")} (${t(`language.${lang}`)})`}
            copied={tools("copied")}
            failed={tools("copyFailed")}
          />
        </div>
      ))}
    </AdminSection>
  );
}
