import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { describeLetterConfirmLink } from "@/lib/letters/describe-letter-link";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { confirmLetterAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
// The token is in the address: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function ConfirmLetterPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "letterConfirm" });
  const link = await describeLetterConfirmLink(token, locale);
  const back = link ? { href: `/${locale}/c/${link.campaignSlug}`, label: t("backToCampaign") } : undefined;
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {!link ? (
        <p role="status">{t("invalid")}</p>
      ) : link.status !== "pending" ? (
        <>
          <p role="status">{t("alreadyDone")}</p>
          {link.status === "confirmed" && link.leavesAt && (
            <p data-testid="leaves-at">
              {t("leavesAt", { target: link.targetName, time: formatMoment(link.leavesAt, locale) })}
            </p>
          )}
          <p>
            <Link href={back!.href}>{back!.label}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("body", { campaign: link.campaignTitle })}</p>
          <p>{t("hold", { hours: link.holdHours, target: link.targetName })}</p>
          <ActionButtonForm
            action={confirmLetterAction.bind(null, token, locale, link.targetName)}
            button={t("button")}
            outcomes={{
              confirmed: t("done"),
              confirmed_signed: t("doneSigned"),
              already_confirmed: t("alreadyDone"),
              invalid: t("invalid"),
            }}
            back={back}
          />
        </>
      )}
    </div>
  );
}
