import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeLetterConfirmLink } from "@/lib/letters/describe-letter-link";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { confirmLetterAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
// The token is in the address: keep it out of search engines and out of Referer headers.
export const generateMetadata = titleFrom("letterConfirm", "title", {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

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
          <p>
            <Link href={back!.href}>{back!.label}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("body", { campaign: link.campaignTitle })}</p>
          <ActionButtonForm
            action={confirmLetterAction.bind(null, token)}
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
