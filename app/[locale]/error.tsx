"use client";

// A page that cannot be rendered (most often: the database is unreachable for a moment) says so plainly and offers
// to try again, instead of a blank or endless page. The server logged the cause; nothing of it reaches the reader.
import { useTranslations } from "next-intl";

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="page narrow" role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          {t("errorRetry")}
        </button>
      </p>
    </div>
  );
}
