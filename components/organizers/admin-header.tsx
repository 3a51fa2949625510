import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Scope } from "@/lib/organizers/scope";
import { SignOutButton } from "./sign-out-button";

export async function AdminHeader({ scope, locale }: { scope: Scope; locale: string }) {
  const t = await getTranslations({ locale, namespace: "admin" });
  const o = scope.organizer;
  return (
    <div className="admin-header">
      <p className="eyebrow">
        {t("signedInAs", { email: o.email, role: t(`roles.${o.role}`), organization: o.organizationName })} ·{" "}
        <SignOutButton label={t("signIn.signOut")} locale={locale} />
      </p>
      <nav aria-label={t("title")}>
        <ul className="admin-nav">
          <li>
            <Link href={`/${locale}/admin`}>{t("nav.campaigns")}</Link>
          </li>
          {o.role !== "viewer" && (
            <li>
              <Link href={`/${locale}/admin/campaigns/new`}>{t("nav.newCampaign")}</Link>
            </li>
          )}
          {o.role === "owner" && (
            <li>
              <Link href={`/${locale}/admin/exports`}>{t("nav.exports")}</Link>
            </li>
          )}
          {o.role === "owner" && (
            <li>
              <Link href={`/${locale}/admin/team`}>{t("nav.team")}</Link>
            </li>
          )}
        </ul>
      </nav>
    </div>
  );
}
