import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatCount, type CountForms } from "@/lib/campaigns/format-count";
import { LiveCount } from "./live-count";

type Props = { locale: Locale; slug: string; initialCount: number; goal: number };

/** The confirmed count and progress toward the goal. Only the count is live (LiveCount); the rest is server text. */
export async function CountMeter({ locale, slug, initialCount, goal }: Props) {
  const t = await getTranslations({ locale, namespace: "campaign" });
  const forms = t.raw("countForms") as CountForms;
  return (
    <section className="count-meter" aria-labelledby="count-heading">
      <LiveCount
        slug={slug}
        locale={locale}
        initialCount={initialCount}
        goal={goal}
        initialText={formatCount(forms, locale, initialCount)}
        forms={forms}
        progressLabel={t("progressLabel", { goal })}
      />
      <p className="goal">
        {t("goal", { goal })} · <span className="muted">{t("countNote")}</span>
      </p>
    </section>
  );
}
