import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatDay, formatMoment } from "@/lib/infra/i18n/format-moment";
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
  const target = link?.targetName ?? "";
  const deliveredOn = link?.deliveredAt ? formatDay(link.deliveredAt, locale) : "";
  // A delivered letter whose copy is erased has nothing left to do; one not yet erased still offers to erase it.
  const initial = !link
    ? "invalid"
    : link.status === "queued"
      ? "on_its_way"
      : link.status === "delivered" && link.erased
        ? "erased"
        : "idle";
  const delivered = link?.status === "delivered" && !link.erased;
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {initial === "idle" &&
        (delivered ? (
          // Plainly what already reached the target (as the writer chose to appear), and what withdrawing still does.
          <>
            <p data-testid="delivered">
              {t("delivered", {
                target,
                date: deliveredOn,
                appearance: link!.appearance,
                reply: String(link!.replyConsent),
              })}
            </p>
            <p>{t("deliveredErase")}</p>
          </>
        ) : (
          <p data-testid="withdraw-body">
            {link!.status === "confirmed" && link!.leavesAt
              ? t("bodyWaiting", { campaign: link!.campaignTitle, target, time: formatMoment(link!.leavesAt, locale) })
              : t("body", { campaign: link!.campaignTitle })}
          </p>
        ))}
      <ActionButtonForm
        key="action"
        initial={initial}
        action={withdrawLetterAction.bind(null, token)}
        button={delivered ? t("eraseButton") : t("button")}
        danger
        outcomes={{
          withdrawn: t("done"),
          on_its_way: t("onItsWay"),
          delivered: t("erasedDone"),
          erased: t("erased", { target, date: deliveredOn }),
          invalid: t("invalid"),
        }}
      />
    </div>
  );
}
