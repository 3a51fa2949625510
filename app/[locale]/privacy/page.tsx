import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";
import { env } from "@/lib/infra/env";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = titleFrom("privacyPage", "title");

const groups = [
  { key: "target", items: ["signatures", "letters", "letterEmail", "bundle", "never"] },
  { key: "organizers", items: ["everything", "exports", "comment"] },
  { key: "public", items: ["count", "wall", "wallReason", "noLetters"] },
  { key: "nobody", items: ["ip"] },
  { key: "time", items: ["withdraw", "retention"] },
] as const;

// "Where your details go": who sees what of a signer or a letter writer, in one place. Every line is what the app
// does today; tests/integration/where-details-go.test.ts reads the deliveries from an SMTP sink against it.
export default async function PrivacyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "privacyPage" });
  return (
    <div className="page narrow">
      <h1 id="where">{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`where-${group.key}`} data-testid={`where-${group.key}`}>
          <h2 id={`where-${group.key}`}>{t(`${group.key}.heading`)}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item}>
                {(t as (key: string, values: Record<string, number>) => string)(`${group.key}.${item}`, {
                  days: env.RETENTION_DAYS_AFTER_CLOSE,
                })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
