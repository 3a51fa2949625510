import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { describeWithdrawLink } from "@/lib/signatures/describe-link";
import { formatDay } from "@/lib/infra/i18n/format-moment";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { withdrawAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function WithdrawPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "withdraw" });
  const link = await describeWithdrawLink(token, locale);
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {!link ? (
        <p role="status">{t("invalid")}</p>
      ) : (
        <>
          {link.sentInDigestAt && (
            <p data-testid="sent-in-digest">
              {t("sentInDigest", { target: link.targetName, date: formatDay(link.sentInDigestAt, locale) })}
            </p>
          )}
          <p>{t("body", { campaign: link.campaignTitle })}</p>
          <ActionButtonForm
            action={withdrawAction.bind(null, token)}
            button={t("button")}
            danger
            outcomes={{ withdrawn: t("done"), invalid: t("invalid") }}
          />
        </>
      )}
    </div>
  );
}
