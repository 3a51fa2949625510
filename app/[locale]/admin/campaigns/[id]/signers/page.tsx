import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";
import { campaignTitle } from "@/lib/campaigns/campaign-title";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { AdminHeader } from "@/components/organizers/admin-header";
import { SignerLookup } from "@/components/organizers/signer-lookup";
import { RefusedEmails } from "@/components/organizers/refused-emails";
import { listRefusedEmails } from "@/lib/organizers/signers/list-refused-emails";

type Params = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = titleFrom("admin.signer", "title");

export default async function SignerPage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const t = await getTranslations({ locale, namespace: "admin.signer" });
  const title = await campaignTitle(campaign, locale);
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <p>
        <Link href={`/${locale}/admin/campaigns/${campaign.id}`}>{t("back")}</Link>
      </p>
      <p className="eyebrow">{title}</p>
      <h1>{t("title")}</h1>
      {scope.organizer.role === "viewer" ? (
        <p>{t("editorsOnly")}</p>
      ) : (
        <>
          <SignerLookup campaignId={campaign.id} />
          <RefusedEmails refused={await listRefusedEmails(scope, campaign.id)} locale={locale} />
        </>
      )}
    </>
  );
}
