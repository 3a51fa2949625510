import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeConfirmLink } from "@/lib/signatures/describe-link";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { confirmAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
// The token is in the address: keep it out of search engines and out of Referer headers.
export const generateMetadata = titleFrom("confirm", "title", {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

export default async function ConfirmPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "confirm" });
  const link = await describeConfirmLink(token, locale);
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {!link ? (
        <p role="status">{t("invalid")}</p>
      ) : link.status === "confirmed" ? (
        <>
          <p role="status">{t("alreadyDone")}</p>
          <p>
            <Link href={`/${locale}/c/${link.campaignSlug}`}>{t("backToCampaign")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("body", { campaign: link.campaignTitle })}</p>
          <ActionButtonForm
            action={confirmAction.bind(null, token)}
            button={t("button")}
            outcomes={{ confirmed: t("done"), already_confirmed: t("alreadyDone"), invalid: t("invalid") }}
            back={{ href: `/${locale}/c/${link.campaignSlug}`, label: t("backToCampaign") }}
          />
        </>
      )}
    </div>
  );
}
