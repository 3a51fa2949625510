import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";

export const generateMetadata = titleFrom("common", "notFoundTitle");

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="page narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <a href="/">{t("backHome")}</a>
      </p>
    </div>
  );
}
