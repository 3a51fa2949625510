import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatDay, formatMoment } from "@/lib/infra/i18n/format-moment";
import { describeLetterWithdrawLink } from "@/lib/letters/describe-letter-link";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { withdrawLetterAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function WithdrawLetterPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "letterWithdraw" });
  const link = await describeLetterWithdrawLink(token, locale);
  const outcomes = {
    withdrawn: t("done"),
    on_its_way: t("onItsWay"),
    delivered: t("erasedDone"),
    invalid: t("invalid"),
  };
  const button = (label: string) => (
    <ActionButtonForm action={withdrawLetterAction.bind(null, token)} button={label} danger outcomes={outcomes} />
  );
  const target = link?.targetName ?? "";
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {!link ? (
        <p role="status">{t("invalid")}</p>
      ) : link.status === "queued" ? (
        <p role="status">{t("onItsWay")}</p>
      ) : link.status === "delivered" ? (
        // Plainly what already reached the target, and what withdrawing still does: erase our copy.
        link.erased ? (
          <p role="status">{t("erased", { target, date: formatDay(link.deliveredAt ?? new Date(0), locale) })}</p>
        ) : (
          <>
            <p data-testid="delivered">
              {t("delivered", {
                target,
                date: formatDay(link.deliveredAt ?? new Date(0), locale),
                reply: String(link.replyConsent),
              })}
            </p>
            <p>{t("deliveredErase")}</p>
            {button(t("eraseButton"))}
          </>
        )
      ) : (
        <>
          <p data-testid="withdraw-body">
            {link.status === "confirmed" && link.leavesAt
              ? t("bodyWaiting", { campaign: link.campaignTitle, target, time: formatMoment(link.leavesAt, locale) })
              : t("body", { campaign: link.campaignTitle })}
          </p>
          {button(t("button"))}
        </>
      )}
    </div>
  );
}
