import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeWithdrawLink } from "@/lib/signatures/describe-link";
import { formatDay } from "@/lib/infra/i18n/format-moment";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { AppearanceForm } from "@/components/signatures/appearance-form";
import { changeAppearanceAction, withdrawAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("withdraw", "title", {
  robots: { index: false, follow: false },
  referrer: "same-origin",
});

export default async function WithdrawPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "withdraw" });
  const ta = await getTranslations({ locale, namespace: "appearance" });
  const link = await describeWithdrawLink(token, locale);
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {link?.sentInDigestAt && (
        <p data-testid="sent-in-digest">
          {t("sentInDigest", { target: link.targetName, date: formatDay(link.sentInDigestAt, locale) })}
        </p>
      )}
      {link && <p>{t("body", { campaign: link.campaignTitle })}</p>}
      <ActionButtonForm
        key="action"
        initial={link ? "idle" : "invalid"}
        action={withdrawAction.bind(null, token)}
        button={t("button")}
        danger
        outcomes={{ withdrawn: t("done"), invalid: t("invalid") }}
      />
      {link && (
        <section aria-labelledby="appearance-heading" data-testid="appearance-section">
          <h2 id="appearance-heading">{ta("pageTitle")}</h2>
          {link.delivered ? (
            <p data-testid="appearance-delivered">{ta("pageDelivered", { choice: ta(link.appearance) })}</p>
          ) : (
            <>
              <p>{ta("pageBody")}</p>
              <NextIntlClientProvider messages={clientMessages(locale, ["appearance"])}>
                <AppearanceForm action={changeAppearanceAction.bind(null, token)} current={link.appearance} />
              </NextIntlClientProvider>
            </>
          )}
        </section>
      )}
    </div>
  );
}
