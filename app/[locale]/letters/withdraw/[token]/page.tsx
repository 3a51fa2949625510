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
  referrer: "same-origin",
});

export default async function WithdrawLetterPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "letterWithdraw" });
  const link = await describeLetterWithdrawLink(token, locale);
  const initial = !link
    ? "invalid"
    : link.status === "queued"
      ? "on_its_way"
      : link.status === "delivered"
        ? "delivered"
        : "idle";
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {initial === "idle" && <p>{t("body", { campaign: link!.campaignTitle })}</p>}
      <ActionButtonForm
        key="action"
        initial={initial}
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
    </div>
  );
}
