import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeConfirmLink } from "@/lib/signatures/describe-link";
import { ActionButtonForm } from "@/components/signatures/action-button-form";
import { confirmAction } from "./actions";

type Params = { params: Promise<{ locale: Locale; token: string }> };

export const dynamic = "force-dynamic";
// The token is in the address: keep it out of search engines and out of other sites' Referer headers (same-origin: a form posted without JavaScript still carries our own Origin).
export const generateMetadata = titleFrom("confirm", "title", {
  robots: { index: false, follow: false },
  referrer: "same-origin",
});

export default async function ConfirmPage({ params }: Params) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "confirm" });
  const link = await describeConfirmLink(token, locale);
  const initial = !link ? "invalid" : link.status === "confirmed" ? "already_confirmed" : "idle";
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {initial === "idle" && <p>{t("body", { campaign: link!.campaignTitle })}</p>}
      <ActionButtonForm
        key="action"
        initial={initial}
        action={confirmAction.bind(null, token, locale, link?.campaignSlug ?? "")}
        button={t("button")}
        outcomes={{ confirmed: t("done"), already_confirmed: t("alreadyDone"), invalid: t("invalid") }}
        back={link ? { href: `/${locale}/c/${link.campaignSlug}`, label: t("backToCampaign") } : undefined}
      />
    </div>
  );
}
