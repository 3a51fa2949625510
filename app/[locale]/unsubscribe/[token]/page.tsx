import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { unsubscribeState } from "@/lib/updates/unsubscribe";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("updates", "unsubscribe.title", {
  robots: { index: false, follow: false },
  referrer: "same-origin",
});

// The unsubscribe link opened in a browser: one button, a plain form (no script needed) posting to /u/[token], the
// same address mail clients POST to for one-click unsubscribe.
export default async function UnsubscribePage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "updates" });
  const state = await unsubscribeState(token);
  return (
    <div className="page narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {state === "invalid" && <p role="status">{t("unsubscribe.invalid")}</p>}
      {state === "unsubscribed" && (
        <p role="status" data-testid="unsubscribed">
          {t("unsubscribe.done")}
        </p>
      )}
      {state === "subscribed" && (
        <>
          <p>{t("unsubscribe.intro")}</p>
          <form method="post" action={`/u/${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <input type="hidden" name="from" value={locale} />
            <button type="submit" className="button">
              {t("unsubscribe.button")}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={`/${locale}`}>{t("unsubscribe.home")}</a>
      </p>
    </div>
  );
}
