import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeLetterWithdrawLink } from "@/lib/letters/describe-letter-link";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { withdrawLetterAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("letterWithdraw", "title", {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

export default async function WithdrawLetterPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "letterWithdraw" });
  const link = await describeLetterWithdrawLink(token, locale);
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {!link ? (
        <p role="status">{t("invalid")}</p>
      ) : link.status === "queued" || link.status === "delivered" ? (
        <p role="status">{link.status === "queued" ? t("onItsWay") : t("delivered")}</p>
      ) : (
        <>
          <p>{t("body", { campaign: link.campaignTitle })}</p>
          <ActionButtonForm
            action={withdrawLetterAction.bind(null, token)}
            button={t("button")}
            danger
            outcomes={{
              withdrawn: t("done"),
              on_its_way: t("onItsWay"),
              delivered: t("delivered"),
              invalid: t("invalid"),
            }}
          />
        </>
      )}
    </div>
  );
}
