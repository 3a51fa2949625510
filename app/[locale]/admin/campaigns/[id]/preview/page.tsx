import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { getCampaignForEdit } from "@/lib/organizers/campaigns/get-campaign-for-edit";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { organizationDisplayName } from "@/lib/organizers/organization-display-name";
import { Paragraphs } from "@/components/campaigns/paragraphs";

// The campaign's texts in both languages as readers will see them, also while it is a draft: the organization that
// signs it, the open letter, the context, the sources and the topics letter writers choose from.
export const generateMetadata = titleFrom("admin.form", "previewTitle");

export default async function PreviewCampaignPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const { input, status } = await orNotFound(getCampaignForEdit(scope, id));
  const t = await getTranslations({ locale, namespace: "admin.form" });
  const tools = await getTranslations({ locale, namespace: "campaignTools" });
  const readers = {
    en: {
      tc: await getTranslations({ locale: "en", namespace: "campaign" }),
      org: await organizationDisplayName(scope, "en"),
    },
    ko: {
      tc: await getTranslations({ locale: "ko", namespace: "campaign" }),
      org: await organizationDisplayName(scope, "ko"),
    },
  };
  return (
    <>
      <h1>
        {t("editTitle")}: {input.slug}
      </h1>
      {status === "draft" ? (
        <p className="notice" role="note" data-testid="draft-notice">
          {tools("draftNotice")}
        </p>
      ) : (
        <p>
          <Link href={`/${locale}/c/${input.slug}`}>{tools("publicPage")}</Link>
        </p>
      )}
      {(["en", "ko"] as const).map((lang) => {
        const x = input.texts[lang];
        const { tc, org } = readers[lang];
        return (
          <article key={lang} lang={lang} className="letter-preview" aria-labelledby={`preview-${lang}`}>
            <p className="eyebrow">{lang === "en" ? t("english") : t("korean")}</p>
            <p className="eyebrow">{tc("from", { organization: org })}</p>
            <h2 id={`preview-${lang}`}>{x.title}</h2>
            <p className="lead">{x.summary}</p>
            <h3>{tc("openLetter")}</h3>
            <p className="letter-to">{x.targetName}</p>
            <Paragraphs text={x.letter} />
            <h3>{tc("context")}</h3>
            <Paragraphs text={x.context} />
            {x.sources && <Paragraphs className="sources" text={x.sources} />}
            {(input.topics ?? []).length > 0 && (
              <ul className="topic-list">
                {(input.topics ?? []).map((topic) => (
                  <li key={topic.key}>
                    <strong>{topic.texts[lang].title}</strong>: {topic.texts[lang].fact} {topic.texts[lang].ask}
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </>
  );
}
