import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeLetterConfirmLink } from "@/lib/letters/describe-letter-link";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { confirmLetterAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
// The token is in the address: keep it out of search engines and out of other sites' Referer headers (same-origin: a form posted without JavaScript still carries our own Origin).
export const generateMetadata = titleFrom("letterConfirm", "title", {
  robots: { index: false, follow: false },
  referrer: "same-origin",
});

export default async function ConfirmLetterPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "letterConfirm" });
  const link = await describeLetterConfirmLink(token, locale);
  const back = link ? { href: `/${locale}/c/${link.campaignSlug}`, label: t("backToCampaign") } : undefined;
  const initial = !link ? "invalid" : link.status !== "pending" ? "already_confirmed" : "idle";
  // Opened again while the letter waits out its hold: when it leaves.
  const leavesAt =
    link?.status === "confirmed" && link.leavesAt
      ? t("leavesAt", { target: link.targetName, time: formatMoment(link.leavesAt, locale) })
      : undefined;
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {initial === "idle" && (
        <>
          <p>{t("body", { campaign: link!.campaignTitle })}</p>
          <p>{t("hold", { hours: link!.holdHours, target: link!.targetName })}</p>
        </>
      )}
      <ActionButtonForm
        key="action"
        initial={initial}
        initialDetail={leavesAt}
        action={confirmLetterAction.bind(null, token, locale, link?.campaignSlug ?? "", link?.targetName ?? "")}
        button={t("button")}
        outcomes={{
          confirmed: t("done"),
          confirmed_signed: t("doneSigned"),
          already_confirmed: t("alreadyDone"),
          invalid: t("invalid"),
        }}
        back={back}
      />
    </div>
  );
}
